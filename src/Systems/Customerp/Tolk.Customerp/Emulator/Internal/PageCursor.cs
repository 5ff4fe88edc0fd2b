using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace Tolk.Customerp.Emulator.Internal;

/// <summary>
/// A <c>next_cursor</c>: the last position served, the query it belongs to, the cursor generation and its expiry, as
/// base64url JSON with a MAC so that a garbled or hand-made cursor is told apart from an expired one.
/// </summary>
internal sealed record PageCursor(string Collection, Position After, bool IncludeDeleted, long? SinceTicks, int Generation, long ExpiresTicks)
{
    // The MAC only detects corruption; cursors carry nothing secret, so a fixed key is enough.
    private static readonly byte[] Key = "customerp-cursor-v1"u8.ToArray();
    private const int MacLength = 12;

    public string Encode()
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new Wire(1, Collection, After.Ticks, After.Id, IncludeDeleted, SinceTicks, Generation, ExpiresTicks),
            WireContext.Default.Wire);
        var mac = HMACSHA256.HashData(Key, json).AsSpan(0, MacLength);
        return Base64Url.EncodeToString([.. json, .. mac]);
    }

    /// <summary>The cursor, or null when the text is not one this emulator issued.</summary>
    public static PageCursor? Decode(string text)
    {
        try
        {
            var bytes = Base64Url.DecodeFromChars(text);
            if (bytes.Length <= MacLength)
            {
                return null;
            }
            var json = bytes.AsSpan(0, bytes.Length - MacLength);
            if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(Key, json).AsSpan(0, MacLength), bytes.AsSpan(bytes.Length - MacLength)))
            {
                return null;
            }
            var wire = JsonSerializer.Deserialize(json, WireContext.Default.Wire);
            return wire is { V: 1, C: not null } && wire.I > 0
                ? new PageCursor(wire.C, new Position(wire.U, wire.I), wire.D, wire.S, wire.G, wire.X)
                : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    internal sealed record Wire(int V, string? C, long U, int I, bool D, long? S, int G, long X);
}

[System.Text.Json.Serialization.JsonSerializable(typeof(PageCursor.Wire))]
internal sealed partial class WireContext : System.Text.Json.Serialization.JsonSerializerContext;
