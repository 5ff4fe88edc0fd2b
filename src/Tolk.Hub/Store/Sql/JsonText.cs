using System.Text;
using System.Text.Json;

namespace Tolk.Hub.Store;

/// <summary>
/// Guards the JSON the engine hands the store (golden records, synced values, payloads, cursors). Bad JSON there is a
/// bug in Tolk, not bad input from a system, so it throws.
/// </summary>
internal static class JsonText
{
    public static string Check(string json, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(json, parameterName);
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        try
        {
            while (reader.Read())
            {
            }
            if (reader.BytesConsumed == 0)
            {
                throw new ArgumentException("Expected JSON, got nothing.", parameterName);
            }
            return json;
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"Expected JSON: {e.Message}", parameterName, e);
        }
    }
}
