using System.Text.Json.Nodes;

namespace Tolk.Custompms.Emulator.Internal;

/// <summary>
/// Turns a request body into the collection's writable fields, all present (an omitted optional field is null), or
/// the first error in body order (unknown fields) and then field order (missing, wrong type, too long, bad value).
/// </summary>
internal static class RecordValidator
{
    public static (JsonObject? Fields, ApiError? Error) Read(CollectionSchema schema, JsonObject body)
    {
        foreach (var (name, _) in body)
        {
            if (schema.Field(name) is null && !CollectionSchema.ReadOnly.Contains(name))
            {
                return (null, ApiError.Validation(name, $"{name} is not a field of {schema.Name}."));
            }
        }
        var fields = new JsonObject();
        foreach (var rule in schema.Fields)
        {
            var value = body[rule.Name];
            if (value is null)
            {
                if (rule.Required)
                {
                    return (null, ApiError.Validation(rule.Name, $"{rule.Name} is required."));
                }
                fields[rule.Name] = null;
                continue;
            }
            if (rule.Check(value) is { } message)
            {
                return (null, ApiError.Validation(rule.Name, message));
            }
            fields[rule.Name] = value.DeepClone();
        }
        return (fields, null);
    }
}
