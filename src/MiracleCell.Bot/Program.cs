Console.WriteLine("MiracleCell");
