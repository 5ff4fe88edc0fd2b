using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Tolk.Custompms.Emulator.Internal;
using Tolk.Emulation.Data;
using A = Tolk.Custompms.Emulator.CustompmsAssumptions;

namespace Tolk.Custompms.Emulator;

public sealed partial class CustompmsEmulator
{
    /// <summary>The one place the change log and list orders follow the data: every applied change, API or person.</summary>
    private void OnChanged(RecordChange change)
    {
        if (Find(change.Collection) is not { } c)
        {
            return;
        }
        var stamp = change.After?["modifiedAt"]?.GetValue<string>();
        c.Order.Apply(change.Id, stamp);
        if (_seeding)
        {
            return;
        }
        var at = stamp is null ? Rfc3339.Truncate(change.At) : Rfc3339.Parse(stamp);
        _changes.Append(c.Schema.Name, change.Id, change.Kind == ChangeKind.Deleted, at, ChangeCutoff());
    }

    private DateTimeOffset ChangeCutoff() => Now().AddSeconds(-_settings.ChangeLogRetentionSeconds);

    private ApiResult Changes(HttpContext http)
    {
        var query = new QueryReader(http.Request.Query);
        var error = query.Only("since", "limit");
        var (since, sinceError) = query.Integer("since", 0, long.MaxValue, -1);
        var (limit, limitError) = query.Integer("limit", 1, A.MaxChangeLimit, A.DefaultChangeLimit);
        if ((error ?? sinceError ?? limitError) is { } refused)
        {
            return ApiResult.Of(refused);
        }
        var read = _changes.Read(since < 0 ? null : since, (int)limit, ChangeCutoff());
        if (read.Expired)
        {
            return ApiResult.Of(new ApiError(410, ApiError.SequenceExpired,
                $"Sequence {since} is outside the retained change log (now {_changes.PrunedThrough} to {read.LastSeq}); re-read everything, then follow from lastSeq.",
                "since"));
        }
        var changes = new JsonArray();
        foreach (var entry in read.Changes)
        {
            changes.Add(new JsonObject
            {
                ["seq"] = entry.Seq,
                ["collection"] = entry.Collection,
                ["id"] = entry.Id,
                ["op"] = entry.Deleted ? "delete" : "upsert",
                ["at"] = Rfc3339.Format(entry.At),
            });
        }
        return ApiResult.Json(200, new JsonObject { ["changes"] = changes, ["lastSeq"] = read.LastSeq });
    }

    /// <inheritdoc />
    /// <remarks>Every retained entry is dropped: any <c>since</c> below the head now gets 410.</remarks>
    public override void ExpireChangeTokens() => _changes.ExpireAll();
}
