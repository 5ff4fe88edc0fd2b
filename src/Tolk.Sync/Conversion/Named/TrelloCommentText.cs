using System.Text.Json.Nodes;
using static Tolk.Sync.Conversion.JsonScalars;

namespace Tolk.Sync.Conversion.Named;

/// <summary>
/// A Trello comment's <c>data.text</c> ↔ a project's name and description: the name, a blank line, the description.
/// Read back by splitting at the first blank line, so a person can edit either part in Trello. Lossless unless the name
/// itself holds a blank line or ends with a line break: writing such a name is an error rather than a silent change.
/// </summary>
internal sealed class TrelloCommentText : INamedConverter
{
    private const string Separator = "\n\n";

    public string Name => "trello_comment_text";

    public string Summary => "text = name + blank line + description, split at the first blank line";

    public ConverterSignature Signature { get; } = new([DataKind.String], [DataKind.String, DataKind.String]);

    public Converted<CanonicalValue?[]> Read(ConverterContext context, IReadOnlyList<JsonNode?> fields, IReadOnlyList<CanonicalValue?> current)
    {
        if (fields[0] is null)
        {
            return Converted.Ok<CanonicalValue?[]>([null, null]);
        }

        if (!IsString(fields[0]!, out var text))
        {
            return Converted.Fail<CanonicalValue?[]>(context.Fields[0].Text, Show(fields[0]), "expected a string");
        }

        var (name, description) = Split(text);
        return Converted.Ok<CanonicalValue?[]>([CanonicalValue.OfText(name), CanonicalValue.OfText(description)]);
    }

    public Converted<FieldAssignment[]> Write(ConverterContext context, IReadOnlyList<CanonicalValue?> values, IReadOnlyList<JsonNode?> currentFields)
    {
        var name = (values[0] as TextValue)?.Value;
        var description = (values[1] as TextValue)?.Value;
        if (name is not null && (name.Contains(Separator, StringComparison.Ordinal) || name.EndsWith('\n')))
        {
            return Converted.Fail<FieldAssignment[]>(context.Properties[0], name, "a name with a blank line or a trailing line break cannot be told apart from the description in a Trello comment");
        }

        var text = Join(name, description);
        return Converted.Ok<FieldAssignment[]>([new(0, text is null ? null : JsonValue.Create(text))]);
    }

    /// <summary>The comment text for a name and a description.</summary>
    public static string? Join(string? name, string? description) => (name, description) switch
    {
        (null, null) => null,
        (_, null) => name,
        _ => name + Separator + description,
    };

    /// <summary>The name and description a comment text holds.</summary>
    public static (string Name, string? Description) Split(string text)
    {
        var at = text.IndexOf(Separator, StringComparison.Ordinal);
        return at < 0 ? (text, null) : (text[..at], text[(at + Separator.Length)..]);
    }
}
