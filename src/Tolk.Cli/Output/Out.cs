using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tolk.Cli.Output;

/// <summary>
/// Where commands write: results to standard output (tables for people, JSON for scripts), problems to standard error,
/// one unwrapped line each, so that a long path never splits a problem in two.
/// </summary>
internal static class Out
{
    /// <summary>The JSON every command prints with <c>--json</c>: camelCase, indented, enums as words.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The same on one line, for streams of events (one JSON object per line).</summary>
    public static readonly JsonSerializerOptions JsonLineOptions = new(JsonOptions) { WriteIndented = false };

    /// <summary>Writes <paramref name="value"/> as JSON to standard output.</summary>
    public static void Json<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, JsonOptions));

    /// <summary>Writes <paramref name="value"/> as one line of JSON to standard output.</summary>
    public static void JsonLine<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, JsonLineOptions));

    /// <summary>Writes <c>error: message</c> to standard error.</summary>
    public static void Error(string message) => Console.Error.WriteLine($"error: {message}");

    /// <summary>Writes <c>warning: message</c> to standard error.</summary>
    public static void Warning(string message) => Console.Error.WriteLine($"warning: {message}");
}
