using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tolk.Emulation.State;

/// <summary>
/// Reading a saved state object: every getter either returns the value or throws an <see cref="EmulatorStateException"/>
/// naming the property, so an emulator's restore code never fails with a bare null or cast error.
/// </summary>
public static class StateJson
{
    /// <summary>The nested object <paramref name="name"/>.</summary>
    public static JsonObject ReadObject(this JsonObject state, string name) =>
        state[name] as JsonObject ?? throw Expected(name, "an object", state[name]);

    /// <summary>The array <paramref name="name"/>.</summary>
    public static JsonArray ReadArray(this JsonObject state, string name) =>
        state[name] as JsonArray ?? throw Expected(name, "an array", state[name]);

    /// <summary>The whole number <paramref name="name"/>.</summary>
    public static long ReadLong(this JsonObject state, string name) =>
        state[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var n)
            ? n
            : throw Expected(name, "a whole number", state[name]);

    /// <summary>The whole number <paramref name="name"/>, within the range of an int.</summary>
    public static int ReadInt(this JsonObject state, string name)
    {
        var n = state.ReadLong(name);
        return n is >= int.MinValue and <= int.MaxValue ? (int)n : throw Expected(name, "a whole number within the range of an int", state[name]);
    }

    /// <summary>The string <paramref name="name"/>.</summary>
    public static string ReadString(this JsonObject state, string name) =>
        state[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : throw Expected(name, "a string", state[name]);

    /// <summary>The boolean <paramref name="name"/>.</summary>
    public static bool ReadBool(this JsonObject state, string name) =>
        state[name]?.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Expected(name, "true or false", state[name]),
        };

    /// <summary>The time <paramref name="name"/>, written by <see cref="TimeValue"/>.</summary>
    public static DateTimeOffset ReadTime(this JsonObject state, string name) =>
        DateTimeOffset.TryParseExact(state.ReadString(name), "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? at
            : throw Expected(name, "a round-trip (ISO 8601) time", state[name]);

    /// <summary>The base64 bytes <paramref name="name"/>, written by <see cref="BytesValue"/>.</summary>
    public static byte[] ReadBytes(this JsonObject state, string name)
    {
        try
        {
            return Convert.FromBase64String(state.ReadString(name));
        }
        catch (FormatException)
        {
            throw Expected(name, "base64 text", state[name]);
        }
    }

    /// <summary>The elements of the array <paramref name="name"/>, each of which must be an object.</summary>
    public static IEnumerable<JsonObject> ReadObjects(this JsonObject state, string name) =>
        state.ReadArray(name).Select((item, i) => item as JsonObject ?? throw Expected($"{name}[{i}]", "an object", item));

    /// <summary>The properties of the object <paramref name="name"/> whose values must be strings.</summary>
    public static IEnumerable<KeyValuePair<string, string>> ReadStrings(this JsonObject state, string name)
    {
        var map = state.ReadObject(name);
        return map.Select(p => KeyValuePair.Create(p.Key, map.ReadString(p.Key))).ToList();
    }

    /// <summary>The properties of the object <paramref name="name"/> whose values must be whole numbers.</summary>
    public static IEnumerable<KeyValuePair<string, long>> ReadLongs(this JsonObject state, string name)
    {
        var map = state.ReadObject(name);
        return map.Select(p => KeyValuePair.Create(p.Key, map.ReadLong(p.Key))).ToList();
    }

    /// <summary>A time as state stores it (round-trip format).</summary>
    public static JsonNode TimeValue(DateTimeOffset at) => JsonValue.Create(at.ToString("O", CultureInfo.InvariantCulture));

    /// <summary>Bytes as state stores them (base64).</summary>
    public static JsonNode BytesValue(byte[] bytes) => JsonValue.Create(Convert.ToBase64String(bytes));

    private static EmulatorStateException Expected(string name, string what, JsonNode? found) =>
        new($"{name}: expected {what}, found {(found is null ? "nothing" : found.GetValueKind().ToString().ToLowerInvariant())}");
}
