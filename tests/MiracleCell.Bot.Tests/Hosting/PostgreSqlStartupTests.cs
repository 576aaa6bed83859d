using System.Net;
using System.Net.Sockets;
using MiracleCell.Bot.Hosting;

namespace MiracleCell.Bot.Tests.Hosting;

public sealed class PostgreSqlStartupTests
{
    // The gateway connects while the store opens: keep it on loopback (nothing listens on port 9).
    private static string[] Arguments(params string[] settings) =>
        [.. settings.Append("Discord:GatewayUrl=ws://127.0.0.1:9/gateway").Select(setting => "--" + setting)];

    [Fact]
    public async Task PostgreSql_without_a_connection_string_is_refused_with_exit_code_78_naming_the_setting()
    {
        using var error = new StringWriter();

        var exitCode = await BotHost.RunAsync(Arguments("Discord:Token=abc.def.ghi", "Storage:Provider=PostgreSql"),
            error, CancellationToken.None);

        Assert.Equal(ExitCodes.Configuration, exitCode);
        var problem = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1));
        Assert.StartsWith("Storage:ConnectionString is empty: with Storage:Provider=PostgreSql set it", problem,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_score_database_stops_the_start_after_bounded_retries_with_one_line_exit_code_78()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port; // nothing listens there once it is closed
        }
        using var error = new StringWriter();

        var exitCode = await BotHost.RunAsync(Arguments("Discord:Token=abc.def.ghi", "Storage:Provider=PostgreSql",
            $"Storage:ConnectionString=Host=127.0.0.1;Port={port};Username=bot;Password=hunter2;Database=scores",
            "Storage:ConnectAttempts=2"), error, CancellationToken.None);

        Assert.Equal(ExitCodes.Configuration, exitCode);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("MiracleCell cannot start: Cannot reach the score database at "
            + $"127.0.0.1:{port}/scores after 2 attempt(s)", line, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", line, StringComparison.Ordinal);
    }
}
