using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Tolk.Crmoffice.Emulator.Internal;

/// <summary>
/// Applies a create or changed-fields body to a record, checking every field the way the API does. Problems are
/// collected as details rather than thrown, so one response names them all.
/// </summary>
internal static partial class RecordValidator
{
    /// <summary>The record after applying <paramref name="input"/> to <paramref name="current"/> (null: a create).</summary>
    public static JsonObject Apply(CollectionSchema schema, JsonObject? current, JsonObject input,
        Func<string, string, bool> exists, List<CrmErrorDetail> errors)
    {
        var result = current is null ? Blank(schema) : (JsonObject)current.DeepClone();
        foreach (var (key, value) in input)
        {
            if (CrmSchemas.ReadOnlyFields.Contains(key))
            {
                errors.Add(new(key, "is read-only"));
            }
            else if (schema.Field(key) is not { } field)
            {
                errors.Add(new(key, "is not a field of " + schema.Name));
            }
            else if (field.Kind == FieldKind.Address)
            {
                result[key] = ApplyAddress(result[key] as JsonObject, value, errors);
            }
            else if (value is null)
            {
                if (field.Required || field.Kind == FieldKind.Boolean)
                {
                    errors.Add(new(key, field.Required ? "is required and cannot be null" : "must be true or false"));
                }
                result[key] = null;
            }
            else if (Check(field, value, exists, out var message) is { } accepted)
            {
                result[key] = accepted;
            }
            else
            {
                errors.Add(new(key, message!));
            }
        }
        if (current is null)
        {
            errors.AddRange(schema.Fields.Where(f => f.Required && !input.ContainsKey(f.Name)).Select(f => new CrmErrorDetail(f.Name, "is required")));
        }
        return result;
    }

    private static JsonObject Blank(CollectionSchema schema)
    {
        var record = new JsonObject { ["id"] = null };
        foreach (var f in schema.Fields)
        {
            record[f.Name] = f.Initial();
        }
        record["createdAt"] = null;
        record["updatedAt"] = null;
        return record;
    }

    private static JsonObject ApplyAddress(JsonObject? current, JsonNode? value, List<CrmErrorDetail> errors)
    {
        var address = (JsonObject?)current?.DeepClone() ?? CrmSchemas.EmptyAddress();
        if (value is null)
        {
            return CrmSchemas.EmptyAddress();
        }
        if (value is not JsonObject patch)
        {
            errors.Add(new("address", "must be an object with street, postalCode, city and country"));
            return address;
        }
        foreach (var (key, part) in patch)
        {
            var name = "address." + key;
            if (!CrmSchemas.AddressFields.Contains(key))
            {
                errors.Add(new(name, "is not a field of address"));
            }
            else if (part is null)
            {
                address[key] = null;
            }
            else if (Text(part, CrmofficeAssumptions.MaxTextLength, required: false, out var message) is { } text)
            {
                address[key] = text;
            }
            else
            {
                errors.Add(new(name, message!));
            }
        }
        return address;
    }

    private static JsonNode? Check(FieldSpec field, JsonNode value, Func<string, string, bool> exists, out string? message)
    {
        message = null;
        if (field.Kind == FieldKind.Boolean)
        {
            if (value.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
            {
                return value.DeepClone();
            }
            message = "must be true or false";
            return null;
        }
        if (Text(value, field.MaxLength, field.Required, out message) is not { } text)
        {
            return null;
        }
        (var accepted, message) = field.Kind switch
        {
            FieldKind.Email => EmailPattern().IsMatch(text) ? (text, null) : (null, "must be an e-mail address"),
            FieldKind.OrgNr => OrgNrPattern().IsMatch(text) ? (text, null) : (null, "must be nine digits"),
            FieldKind.Enum => field.Values!.Contains(text) ? (text, null) : (null, "must be one of " + string.Join(", ", field.Values!)),
            FieldKind.DateTime => CrmTime.TryParse(text, out var at)
                ? (CrmTime.Format(at), null)
                : (null, "must be an ISO 8601 date-time with an offset, e.g. 2026-01-05T10:00:00+01:00"),
            FieldKind.Reference => Reference(field.Target!, text, exists),
            _ => (text, (string?)null),
        };
        return accepted is null ? null : JsonValue.Create(accepted);
    }

    private static (string?, string?) Reference(string target, string id, Func<string, string, bool> exists)
    {
        var schema = CrmSchemas.Find(target)!;
        if (!IdPattern().IsMatch(id) || !id.StartsWith(schema.IdPrefix + "-", StringComparison.Ordinal))
        {
            return (null, $"must be a {schema.Singular} id like {schema.IdPrefix}-000001");
        }
        return exists(target, id) ? (id, null) : (null, $"no {schema.Singular} with id {id}");
    }

    private static string? Text(JsonNode value, int maxLength, bool required, out string? message)
    {
        message = null;
        if (value.GetValueKind() != JsonValueKind.String)
        {
            message = "must be a string";
            return null;
        }
        var text = value.GetValue<string>();
        if (required && string.IsNullOrWhiteSpace(text))
        {
            message = "is required and cannot be empty";
            return null;
        }
        if (text.Length > maxLength)
        {
            message = $"must be at most {maxLength} characters";
            return null;
        }
        return text;
    }

    /// <summary>Whether <paramref name="id"/> has the shape of a Crmoffice id (<c>XX-000001</c>).</summary>
    public static bool IsId(string id) => IdPattern().IsMatch(id);

    [GeneratedRegex(@"^[A-Z]{2}-\d{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\d{9}$", RegexOptions.CultureInvariant)]
    private static partial Regex OrgNrPattern();
}
