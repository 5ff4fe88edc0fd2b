using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Tolk.Engine.Linking;
using Tolk.Engine.Processing;
using Tolk.Hub.Store;
using Tolk.Server.Feed;
using Tolk.Sync.Conversion;

namespace Tolk.Server.Api;

/// <summary>Reads what waits for a person: the engine's ambiguities as cards to choose between, and the other blocks.</summary>
internal static class Attention
{
    // The engine's record index is read between cycles; a long cycle (the initial sync) gets the last list instead.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);
    private const int MostWaiting = 20;

    public static async Task<Ok<AttentionView>> ReadAsync(ServerContext context, CancellationToken cancellationToken)
    {
        var fresh = await context.Engine.AmbiguitiesAsync(Patience, cancellationToken);
        if (fresh is not null)
        {
            context.LastAmbiguities = fresh;
        }

        var ambiguities = fresh ?? context.LastAmbiguities;
        var errors = await context.Store.GetErrorsAsync(false, 100_000, cancellationToken);
        var explained = ambiguities.SelectMany(a => a.ErrorIds).ToHashSet();
        var blocks = errors.Where(e => e.Stage == Matcher.Stage && !explained.Contains(e.Id))
            .Select(e => new BlockView("match", e.Dataset.System, e.Dataset.Datatype, e.RecordId, null, e.Message, 1, e.Id))
            .Concat(errors.Where(e => e.Stage == HeldDeletes.Stage)
                .Select(e => new BlockView("held-deletes", e.Dataset.System, e.Dataset.Datatype, null, null, e.Message, 1, e.Id)))
            .Concat((context.Runner.Last?.Waiting ?? []).GroupBy(w => (w.Target, w.Property, w.Reason))
                .OrderByDescending(g => g.Count()).Take(MostWaiting)
                .Select(g => new BlockView("waiting", null, null, null, $"{g.Key.Target} {g.Key.Property}", g.Key.Reason, g.Count(), null)))
            .ToList();
        return TypedResults.Ok(new AttentionView(fresh is not null, [.. ambiguities.Select(a => View(context, a))], blocks));
    }

    private static AmbiguityView View(ServerContext context, Ambiguity ambiguity)
    {
        var flow = context.Engine.Topology.Configuration.Flow(ambiguity.Flow);
        return new AmbiguityView(ambiguity.Flow, flow is null ? $"flow {ambiguity.Flow}" : $"{flow.Source.Key} → {flow.Target.Key}",
            Card(ambiguity.Record), ambiguity.Side, ambiguity.Keys, [.. ambiguity.Candidates.Select(Card)], ambiguity.ErrorIds);
    }

    private static RecordCard Card(AmbiguousRecord record)
    {
        var values = record.Values.Where(v => v.Value is not null and not ReferenceValue)
            .OrderBy(v => v.Key, StringComparer.Ordinal)
            .ToDictionary(v => v.Key, v => CanonicalJson.ToJson(v.Value), StringComparer.Ordinal);
        return new RecordCard(record.Record.Dataset.System, record.Record.Dataset.Datatype, record.Record.Role, record.Record.RecordId,
            RecordTitles.FromValues(record.Values), record.ClusterId, values);
    }
}
