namespace Tolk.Custompms.Internal;

/// <summary>The JSON shape a field of the contract must have in a record the API returns.</summary>
internal enum FieldShape
{
    /// <summary>A string or null.</summary>
    Text,
    /// <summary>A string, never null.</summary>
    RequiredText,
    /// <summary>true, false or null.</summary>
    Flag,
    /// <summary>A <c>yyyy-MM-dd</c> string or null.</summary>
    Date,
    /// <summary>Another record's id (a UUID string) or null.</summary>
    Reference,
    /// <summary>Another record's id (a UUID string), never null.</summary>
    RequiredReference,
}

/// <summary>One collection of the API: the datatype name the configuration uses, its path, and its fields' shapes.</summary>
internal sealed record CustompmsCollection(string Datatype, string Path, IReadOnlyDictionary<string, FieldShape> Fields);

/// <summary>The three collections of the contract; every one of them is used by the dataflows.</summary>
/// <remarks>
/// The enumerations (project <c>status</c>, task <c>priority</c>) are read as text: a value the contract does not list
/// is the type converter's to report for that one property, not a reason to drop the whole record.
/// </remarks>
internal static class CustompmsCollections
{
    /// <summary>Fields every record has and no client writes.</summary>
    public static readonly IReadOnlyList<string> ReadOnly = ["id", "createdAt", "modifiedAt"];

    public static readonly IReadOnlyList<CustompmsCollection> All =
    [
        new("customer", "customers", Shapes(("name", FieldShape.RequiredText), ("orgNumber", FieldShape.Text), ("email", FieldShape.Text),
            ("phone", FieldShape.Text))),
        new("project", "projects", Shapes(("key", FieldShape.Text), ("name", FieldShape.RequiredText), ("description", FieldShape.Text),
            ("customerId", FieldShape.Reference), ("startDate", FieldShape.Date), ("dueDate", FieldShape.Date), ("status", FieldShape.Text))),
        new("task", "tasks", Shapes(("projectId", FieldShape.RequiredReference), ("title", FieldShape.RequiredText),
            ("description", FieldShape.Text), ("assigneeEmail", FieldShape.Text), ("dueDate", FieldShape.Date), ("done", FieldShape.Flag),
            ("priority", FieldShape.Text))),
    ];

    private static readonly Dictionary<string, CustompmsCollection> ByDatatype = All.ToDictionary(c => c.Datatype, StringComparer.Ordinal);

    /// <summary>The collection serving <paramref name="datatype"/>, or null for a datatype Custompms does not have.</summary>
    public static CustompmsCollection? Find(string datatype) => ByDatatype.GetValueOrDefault(datatype);

    private static Dictionary<string, FieldShape> Shapes(params (string Name, FieldShape Shape)[] fields) =>
        fields.ToDictionary(f => f.Name, f => f.Shape, StringComparer.Ordinal);
}
