using System.CommandLine;
using Tolk.Cli.Hosting;
using Tolk.Cli.Output;
using Tolk.Engine.Processing;

namespace Tolk.Cli.Commands;

/// <summary><c>tolk retry</c>: process a quarantined record again (or confirm a held mass deletion).</summary>
internal static class RetryCommand
{
    public static Command Create()
    {
        var config = CliSettings.ConfigOption();
        var id = new Argument<long?>("error-id") { Description = "The error's id, as 'tolk errors' lists it", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Retry every open error" };
        var command = new Command("retry", $"Process a quarantined record again (every one with --all); confirms a held mass deletion (while a tolk serves the store, through its API with the token in {ManagementClient.TokenVariable})")
        {
            id, all, config,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(id) is null) == !result.GetValue(all))
            {
                result.AddError("give one error id, or --all");
            }
        });
        EngineCommand.SetAction(command, config, async (parse, session, cancellationToken) =>
        {
            var open = await session.Store.GetErrorsAsync(false, 1_000_000, cancellationToken);
            var chosen = parse.GetValue(all) ? open : open.Where(e => e.Id == parse.GetValue(id)).ToList();
            if (chosen.Count == 0)
            {
                if (parse.GetValue(all))
                {
                    Report(parse, 0, "No open errors to retry.");
                    return ExitCodes.Ok;
                }

                Out.Error($"there is no open error with id {parse.GetValue(id)} ('tolk errors' lists them)");
                return ExitCodes.Failed;
            }

            if (session.Connectors.Count == 0 && chosen.FirstOrDefault(e => e.Stage == HeldDeletes.Stage) is { } held)
            {
                Out.Error($"error {held.Id} holds a mass deletion in {held.Dataset}: confirming it deletes records in the systems, so run it with the settings that configure them (--config tolk.yaml)");
                return ExitCodes.Failed;
            }

            foreach (var error in chosen)
            {
                await session.Engine.RetryAsync(error.Id, cancellationToken);
            }

            var what = chosen.Count == 1 ? $"Retried error {chosen[0].Id} ({chosen[0].Dataset}/{chosen[0].RecordId}, {chosen[0].Stage})" : $"Retried {chosen.Count} errors";
            Report(parse, chosen.Count, $"{what}: processed again; {EngineCommand.NextSync}");
            return ExitCodes.Ok;
        }, async (parse, client, cancellationToken) =>
        {
            var one = parse.GetValue(id);
            var (answer, exit) = await client.PostAsync(one is { } errorId ? $"api/errors/{errorId}/retry" : "api/errors/retry", null,
                one is null ? "cannot retry the errors" : $"cannot retry error {one}", cancellationToken);
            if (exit == ExitCodes.Ok)
            {
                var retried = (int?)answer?["retried"] ?? 0;
                Report(parse, retried, $"{(one is null ? $"Retried {retried} error(s)" : $"Retried error {one}")} through the running tolk at {client.Server}; a sync cycle has started.");
            }

            return exit;
        });
        return command;
    }

    private static void Report(ParseResult parse, int retried, string message)
    {
        if (parse.GetValue(TolkCommand.Json))
        {
            Out.Json(new { Retried = retried, Message = message });
        }
        else
        {
            Console.WriteLine(message);
        }
    }
}
