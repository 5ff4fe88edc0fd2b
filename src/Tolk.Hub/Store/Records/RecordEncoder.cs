using System.Text;
using System.Text.Json;

namespace Tolk.Hub.Store;

/// <summary>
/// Checks a record and turns its content into UTF-8 once, for both the size limit and the hash. JSON is checked with
/// a forward-only <see cref="Utf8JsonReader"/> pass, not a DOM, and only for records that changed.
/// </summary>
internal sealed class RecordEncoder(int maxRecordBytes)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 256 };

    private byte[] buffer = new byte[8192];
    private int length;

    /// <summary>The UTF-8 content of the record last encoded.</summary>
    public ReadOnlySpan<byte> Content => buffer.AsSpan(0, length);

    /// <summary>Checks id and size and hashes the content; on success the content stays in the buffer for <see cref="CheckJson"/>.</summary>
    public RecordError? Encode(Dataset dataset, HubRecord record, out byte[] hash)
    {
        hash = [];
        if (string.IsNullOrWhiteSpace(record.Id))
        {
            return new RecordError(dataset, record.Id ?? "", "id", "The record id is empty.");
        }
        var content = record.Content;
        if (content is null)
        {
            return new RecordError(dataset, record.Id, "content", "The record has no content.");
        }
        // UTF-8 never takes fewer bytes than UTF-16 code units, so a longer string cannot fit.
        if (content.Length > maxRecordBytes)
        {
            return TooBig(dataset, record, $"at least {content.Length}");
        }
        var needed = StrictUtf8.GetMaxByteCount(content.Length) + 1;
        if (buffer.Length < needed)
        {
            buffer = new byte[Math.Max(needed, buffer.Length * 2)];
        }
        try
        {
            length = StrictUtf8.GetBytes(content, buffer);
        }
        catch (EncoderFallbackException)
        {
            return new RecordError(dataset, record.Id, "content", "The content is not valid Unicode text (it has an unpaired surrogate).");
        }
        if (length > maxRecordBytes)
        {
            return TooBig(dataset, record, length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        hash = RecordHash.Compute(buffer, length, record.Deleted);
        return null;
    }

    /// <summary>Checks that the content last encoded is one JSON object and nothing else.</summary>
    public RecordError? CheckJson(Dataset dataset, HubRecord record)
    {
        var reader = new Utf8JsonReader(buffer.AsSpan(0, length), ReaderOptions);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return new RecordError(dataset, record.Id, "content", "The content must be a JSON object.");
            }
            // Skip walks the object with full syntax checks but less per-token work than a Read loop; the last Read
            // rejects anything after the object.
            reader.Skip();
            return reader.Read() ? new RecordError(dataset, record.Id, "content", "The content has more after its JSON object.") : null;
        }
        catch (JsonException e)
        {
            return new RecordError(dataset, record.Id, "content", $"The content is not valid JSON: {e.Message}");
        }
    }

    private RecordError TooBig(Dataset dataset, HubRecord record, string size) =>
        new(dataset, record.Id, "content", $"The content is {size} bytes, over the limit of {maxRecordBytes} bytes.");
}
