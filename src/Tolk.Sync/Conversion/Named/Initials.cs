using System.Globalization;
using System.Text.Json.Nodes;

namespace Tolk.Sync.Conversion.Named;

/// <summary>
/// Trello member <c>initials</c> from the full name: the first letter or digit of each word, upper-cased, at most four
/// (the first three words and the last when there are more). Write-only: initials do not give the name back.
/// </summary>
internal sealed class Initials : INamedConverter
{
    private const int MaxLength = 4;

    public string Name => "initials";

    public string Summary => "initials from the full name (first letter of each word, at most four), written only";

    public ConverterSignature Signature { get; } = new([DataKind.String], [DataKind.String], WriteOnly: true);

    public Converted<CanonicalValue?[]> Read(ConverterContext context, IReadOnlyList<JsonNode?> fields, IReadOnlyList<CanonicalValue?> current) =>
        Converted.Fail<CanonicalValue?[]>(context.Fields[0].Text, null, "initials are derived from the name and never read back");

    public Converted<FieldAssignment[]> Write(ConverterContext context, IReadOnlyList<CanonicalValue?> values, IReadOnlyList<JsonNode?> currentFields)
    {
        // A name with no letters gives no initials; Trello keeps the ones it has.
        var initials = values[0] is TextValue name ? Of(name.Value) : null;
        return Converted.Ok<FieldAssignment[]>(initials is null ? [] : [new(0, JsonValue.Create(initials))]);
    }

    /// <summary>The initials of a name, or null when it has no letter or digit.</summary>
    public static string? Of(string fullName)
    {
        var letters = fullName
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(word => word.FirstOrDefault(char.IsLetterOrDigit))
            .Where(c => c != default)
            .ToList();
        if (letters.Count > MaxLength)
        {
            letters = [.. letters.Take(MaxLength - 1), letters[^1]];
        }

        return letters.Count == 0 ? null : new string([.. letters]).ToUpper(CultureInfo.InvariantCulture);
    }
}
