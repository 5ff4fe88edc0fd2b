using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Tolk.Connectors;
using Tolk.Trello.Internal;

namespace Tolk.Trello;

public sealed partial class TrelloConnector
{
    /// <inheritdoc />
    /// <remarks>
    /// organization: one listing, compared with the cursor's fingerprints; member: the members of every workspace
    /// (and board outside them), ten listings to a batch; action: the action card's comments since the newest action read.
    /// An unreadable cursor, or one of another format, means a full read.
    /// </remarks>
    public async IAsyncEnumerable<ReadBatch> ReadAsync(string datatype, ConnectorCursor cursor,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        var batches = datatype switch
        {
            TrelloDatatypes.Organization => _organizations.ReadAsync(Listing(datatype, cursor), cursor, cancellationToken),
            TrelloDatatypes.Member => _members.ReadAsync(Listing(datatype, cursor), cursor, cancellationToken),
            TrelloDatatypes.Action => _comments.ReadAsync(Comments(cursor), cursor, cancellationToken),
            _ => null,
        };
        if (batches is null)
        {
            yield return ReadBatch.Failed(new Failure(FailureKind.NotSupported, $"trello has no datatype '{datatype}'"), cursor);
            yield break;
        }
        await foreach (var batch in batches)
        {
            yield return batch;
        }
    }

    private ListingCursor Listing(string datatype, ConnectorCursor cursor)
    {
        if (ListingCursor.From(cursor, datatype) is { } state)
        {
            return state;
        }
        Unreadable(datatype, cursor);
        return ListingCursor.Start(datatype);
    }

    private ActionCursor Comments(ConnectorCursor cursor)
    {
        var state = ActionCursor.From(cursor);
        if (state is null)
        {
            Unreadable(TrelloDatatypes.Action, cursor);
        }
        else if (!state.IsFor(_options.ActionCard))
        {
            _logger.LogInformation("trello action: the cursor is for another card ({Old}); reading the comments of {New} from the start",
                string.Join(" / ", state.Location), _options.ActionCard.ToString());
            state = null;
        }
        return state ?? ActionCursor.Start(_options.ActionCard);
    }

    private void Unreadable(string datatype, ConnectorCursor cursor)
    {
        if (!cursor.IsNone)
        {
            _logger.LogWarning("trello {Datatype}: cursor of format {Format} is not readable; reading everything", datatype, cursor.Format);
        }
    }
}
