using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tolk.Tidsbanken.Emulator.Internal.OData;

namespace Tolk.Tidsbanken.Emulator.Internal;

/// <summary>
/// Reads and validates entities a client sends. Request JSON is parsed here, never by model binding, so that any bad
/// input gets Tidsbanken's 400 in the OData error format rather than a framework error (or a 500).
/// </summary>
internal static class EntityReader
{
    /// <summary>Parses a body holding an array of entity objects (or a single object).</summary>
    public static (List<JsonObject>? Items, ApiError? Error) ReadBody(string body, int maxBatch)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            return (null, ApiError.BadRequest($"The request body is not valid JSON: {e.Message}"));
        }
        var items = root switch
        {
            JsonArray array => array.ToList(),
            JsonObject single => [single],
            _ => null,
        };
        if (items is null)
        {
            return (null, ApiError.BadRequest("The request body must be a JSON array of entities (or a single entity object)."));
        }
        if (items.Count == 0 || items.Count > maxBatch)
        {
            return (null, ApiError.BadRequest($"The request body must hold between 1 and {maxBatch} entities; it holds {items.Count}."));
        }
        var bad = items.FindIndex(i => i is not JsonObject);
        return bad >= 0
            ? (null, ApiError.BadRequest($"Entity {bad}: expected a JSON object, found {Describe(items[bad])}."))
            : (items.Cast<JsonObject>().ToList(), null);
    }

    /// <summary>Validates an entity for insert and returns it in full stored shape (defaults filled in, server fields empty).</summary>
    public static (JsonObject? Entity, ApiError? Error) ForInsert(EntitySchema schema, JsonObject input, int index)
    {
        var (given, error) = ReadFields(schema, input, index, insert: true);
        if (error is not null)
        {
            return (null, error);
        }
        var entity = new JsonObject();
        foreach (var field in schema.Fields)
        {
            if (field.Required && !field.ServerManaged && !given!.ContainsKey(field.Name) && field.Default is null)
            {
                return (null, Bad(index, $"The property '{field.Name}' is required on insert."));
            }
            entity[field.Name] = given!.TryGetPropertyValue(field.Name, out var v) ? v?.DeepClone() : DefaultValue(field);
        }
        return (entity, null);
    }

    /// <summary>Validates an update: the key inside the body and the properties to change (null clears an optional one).</summary>
    public static (string? Key, JsonObject? Patch, ApiError? Error) ForUpdate(EntitySchema schema, JsonObject input, int index)
    {
        var (given, error) = ReadFields(schema, input, index, insert: false);
        if (error is not null)
        {
            return (null, null, error);
        }
        if (!given!.TryGetPropertyValue(schema.Key.Name, out var key) || key is null)
        {
            return (null, null, Bad(index, $"The key property '{schema.Key.Name}' is required in the body of an update."));
        }
        return (KeyText(key), given, null);
    }

    /// <summary>The key as the emulator's collections store it: the string, or the integer in invariant digits.</summary>
    public static string KeyText(JsonNode key) => key.GetValueKind() == JsonValueKind.Number
        ? key.GetValue<int>().ToString(CultureInfo.InvariantCulture)
        : key.GetValue<string>();

    private static (JsonObject? Fields, ApiError? Error) ReadFields(EntitySchema schema, JsonObject input, int index, bool insert)
    {
        var result = new JsonObject();
        foreach (var (name, value) in input)
        {
            // Instance and property annotations (@odata.type, Navn@odata.type) are metadata, not data.
            if (name.Contains('@', StringComparison.Ordinal))
            {
                continue;
            }
            var field = schema.Find(name);
            if (field is null)
            {
                return (null, Bad(index, $"The property '{name}' does not exist on type '{schema.QualifiedName}'. Make sure to only use property names that are defined by the type."));
            }
            if (result.ContainsKey(field.Name))
            {
                return (null, Bad(index, $"The property '{field.Name}' is given more than once."));
            }
            // Server-maintained values are ignored rather than refused, so a client may send back an entity it read.
            if (field.ServerManaged)
            {
                continue;
            }
            var error = Check(field, value, insert, field == schema.Key);
            if (error is not null)
            {
                return (null, Bad(index, error));
            }
            result[field.Name] = value?.DeepClone();
        }
        return (result, null);
    }

    private static string? Check(FieldSpec field, JsonNode? value, bool insert, bool isKey)
    {
        if (value is null || value.GetValueKind() == JsonValueKind.Null)
        {
            return insert
                ? $"The property '{field.Name}' is null. Null values are not accepted on insert: omit the property instead."
                : field.Required || isKey ? $"The property '{field.Name}' cannot be null." : null;
        }
        var kind = value.GetValueKind();
        return field.Kind switch
        {
            EdmKind.String when kind != JsonValueKind.String => WrongType(field, value),
            EdmKind.String => CheckText(field, value.GetValue<string>(), isKey),
            EdmKind.Int32 when kind != JsonValueKind.Number || !((JsonValue)value).TryGetValue<int>(out _) => WrongType(field, value),
            EdmKind.Int32 => CheckRange(field, value.GetValue<int>()),
            EdmKind.Boolean when kind is not (JsonValueKind.True or JsonValueKind.False) => WrongType(field, value),
            EdmKind.Date when kind != JsonValueKind.String
                || !DateOnly.TryParseExact(value.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                => WrongType(field, value) + " Dates are written yyyy-MM-dd.",
            _ => null,
        };
    }

    private static JsonValue? DefaultValue(FieldSpec field) => field.Default switch
    {
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        string s => JsonValue.Create(s),
        _ => null,
    };

    private static string? CheckText(FieldSpec field, string text, bool isKey)
    {
        if ((field.Required || isKey) && string.IsNullOrWhiteSpace(text))
        {
            return $"The property '{field.Name}' must not be empty.";
        }
        return field.MaxLength is { } max && text.Length > max
            ? $"The property '{field.Name}' is {text.Length} characters long; at most {max} are allowed."
            : null;
    }

    private static string? CheckRange(FieldSpec field, int value) =>
        (field.Min is { } min && value < min) || (field.Max is { } max && value > max)
            ? $"The property '{field.Name}' must be between {field.Min?.ToString(CultureInfo.InvariantCulture) ?? "-2147483648"} and {field.Max?.ToString(CultureInfo.InvariantCulture) ?? "2147483647"}; it is {value}."
            : null;

    private static string WrongType(FieldSpec field, JsonNode value) =>
        $"Cannot convert the value {Describe(value)} of property '{field.Name}' to the expected type '{field.Kind.EdmName()}'.";

    private static string Describe(JsonNode? node)
    {
        var json = node?.ToJsonString() ?? "null";
        return json.Length > 40 ? json[..40] + "..." : json;
    }

    private static ApiError Bad(int index, string message) => ApiError.BadRequest($"Entity {index}: {message}");
}
