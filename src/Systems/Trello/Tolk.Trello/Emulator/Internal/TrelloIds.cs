using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tolk.Trello.Emulator.Internal;

/// <summary>
/// Mongo ObjectIds as Trello hands them out: 8 hex digits of creation time in Unix seconds, 10 of a per-process part
/// (derived from the seed, so a seed always gives the same ids) and a 6-digit counter. Ids therefore sort by creation.
/// </summary>
internal sealed class TrelloIds
{
    private readonly string _process;
    private long _counter;

    public TrelloIds(int seed, long counter = 0)
    {
        _process = Hex(Encoding.UTF8.GetBytes($"trello-{seed}"), 10);
        _counter = counter;
    }

    /// <summary>How many ids were handed out; a restarted emulator continues from it so its ids stay unique.</summary>
    public long Counter => Interlocked.Read(ref _counter);

    /// <summary>A new id stamped with <paramref name="at"/>.</summary>
    public string New(DateTimeOffset at)
    {
        var n = Interlocked.Increment(ref _counter) & 0xFFFFFF;
        return $"{Seconds(at):x8}{_process}{n:x6}";
    }

    /// <summary>The smallest id of the second <paramref name="at"/>, for comparing ids with dates.</summary>
    public static string Floor(DateTimeOffset at) => $"{Seconds(at):x8}0000000000000000";

    /// <summary>Whether <paramref name="text"/> is a 24-digit hex id.</summary>
    public static bool IsId(string? text) =>
        text is { Length: 24 } && text.All(char.IsAsciiHexDigit);

    /// <summary>When the id was made.</summary>
    public static DateTimeOffset CreatedAt(string id) =>
        DateTimeOffset.FromUnixTimeSeconds(long.Parse(id.AsSpan(0, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    /// <summary>A stable lowercase hex digest of <paramref name="text"/>, <paramref name="length"/> digits long.</summary>
    public static string Hex(string text, int length) => Hex(Encoding.UTF8.GetBytes(text), length);

    private static string Hex(byte[] bytes, int length) =>
        Convert.ToHexStringLower(SHA256.HashData(bytes))[..length];

    private static uint Seconds(DateTimeOffset at) => (uint)Math.Max(0, at.ToUnixTimeSeconds());
}
