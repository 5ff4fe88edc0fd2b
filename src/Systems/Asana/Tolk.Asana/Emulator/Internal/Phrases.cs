namespace Tolk.Asana.Emulator.Internal;

/// <summary>
/// Support phrases for 500 errors in the manner of Asana's node-asana-phrase ("6 sad squid snuggle softly"):
/// a count, an adjective, a plural noun, a verb and an adverb. Drawn from a counter so runs repeat.
/// </summary>
internal sealed class Phrases
{
    private static readonly string[] Adjectives = ["sad", "happy", "sleepy", "brave", "quiet", "fuzzy", "shy", "bold", "tiny", "grumpy"];
    private static readonly string[] Nouns = ["squid", "otters", "llamas", "pandas", "geckos", "ravens", "moose", "puffins", "lemurs", "bison"];
    private static readonly string[] Verbs = ["snuggle", "dance", "wander", "giggle", "ponder", "paddle", "whistle", "tumble", "hum", "nap"];
    private static readonly string[] Adverbs = ["softly", "boldly", "quietly", "gently", "wildly", "slowly", "bravely", "happily", "oddly", "calmly"];
    private long _next;

    /// <summary>The next phrase.</summary>
    public string Next()
    {
        var n = Interlocked.Increment(ref _next);
        var h = unchecked((ulong)(n * 2654435761L));
        return $"{2 + (int)(h % 8)} {Adjectives[(int)(h / 8 % 10)]} {Nouns[(int)(h / 80 % 10)]} {Verbs[(int)(h / 800 % 10)]} {Adverbs[(int)(h / 8000 % 10)]}";
    }

    /// <summary>Restarts the sequence.</summary>
    public void Reset() => Interlocked.Exchange(ref _next, 0);
}
