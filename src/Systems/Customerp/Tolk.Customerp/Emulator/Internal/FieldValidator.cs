using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tolk.Customerp.Emulator.Internal;

/// <summary>Turns one JSON value from a request into the stored value of a field, or says what is wrong with it.</summary>
internal static class FieldValidator
{
    public static (JsonNode? Value, string? Error) Read(FieldRule rule, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return rule.Required ? (null, "is required")
                : rule.NotNull ? (null, "must not be null")
                : (null, null);
        }
        return rule.Kind switch
        {
            FieldKind.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? (JsonValue.Create(value.GetBoolean()), null)
                : (null, "must be a boolean"),
            FieldKind.Amount => Decimal(value, CustomerpAssumptions.MaxAmount),
            FieldKind.Percent => Decimal(value, 100m),
            FieldKind.Reference => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var id) && id > 0
                ? (JsonValue.Create(id), null)
                : (null, "must be a positive integer id"),
            _ => value.ValueKind == JsonValueKind.String ? Text(rule, value.GetString()!) : (null, "must be a string"),
        };
    }

    private static (JsonNode?, string?) Text(FieldRule rule, string text)
    {
        var error = rule.Kind switch
        {
            FieldKind.OrgNumber => text.Length == 9 && text.All(char.IsAsciiDigit) ? null : "must be exactly 9 digits",
            FieldKind.Country => IsoCodes.Countries.Contains(text) ? null : "must be an ISO 3166-1 alpha-2 country code such as NO",
            FieldKind.Currency => IsoCodes.Currencies.Contains(text) ? null : "must be an ISO 4217 currency code such as NOK",
            FieldKind.Choice => rule.Choices.Contains(text) ? null : $"must be one of {string.Join(", ", rule.Choices)}",
            FieldKind.Date => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? null : "must be a date (YYYY-MM-DD)",
            _ when rule.Required && string.IsNullOrWhiteSpace(text) => "must not be blank",
            _ when rule.MaxLength > 0 && text.Length > rule.MaxLength => $"must be at most {rule.MaxLength} characters",
            _ => null,
        };
        return error is null ? (JsonValue.Create(text), null) : (null, error);
    }

    private static (JsonNode?, string?) Decimal(JsonElement value, decimal max)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
        {
            return (null, "must be a number");
        }
        if (decimal.Round(number, 2) != number)
        {
            return (null, "must have at most 2 decimal places");
        }
        if (number < 0 || number > max)
        {
            return (null, $"must be between 0 and {max.ToString(CultureInfo.InvariantCulture)}");
        }
        return (JsonValue.Create(TwoPlaces(number)), null);
    }

    /// <summary>The amount with exactly two decimals, so that it is written as <c>1500.00</c>.</summary>
    public static decimal TwoPlaces(decimal number) => decimal.Round(number, 2) + 0.00m;
}
