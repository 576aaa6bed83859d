using MiracleCell.Bot;
using MiracleCell.Bot.Console;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

// Tab completion and history only when a person is typing; piped input is read line by line.
Func<ConsoleSession, Func<string?>>? readLine = Console.IsInputRedirected || Console.IsOutputRedirected
    ? null
    : session =>
    {
        var editor = new LineEditor(session.Complete);
        return () => editor.ReadLine("> ");
    };

return await BotCli.RunAsync(args, Console.In, Console.Out, Console.Error, readLine: readLine,
    cancellationToken: cancellation.Token);
