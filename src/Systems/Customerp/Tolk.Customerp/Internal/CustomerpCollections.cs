namespace Tolk.Customerp.Internal;

/// <summary>The kinds of value the contract gives a field, as a reader checks them.</summary>
internal enum FieldShape
{
    /// <summary>A string or null.</summary>
    Text,
    /// <summary>A string, never null.</summary>
    RequiredText,
    /// <summary>A boolean, never null.</summary>
    Flag,
    /// <summary>A <c>YYYY-MM-DD</c> string or null.</summary>
    Date,
    /// <summary>A number or null (decimals).</summary>
    Number,
    /// <summary>Another record's integer id, or null.</summary>
    Reference,
}

/// <summary>One collection of the API: the datatype name the configuration uses, its path, and its fields' shapes.</summary>
internal sealed record CustomerpCollection(string Datatype, string Path, IReadOnlyDictionary<string, FieldShape> Fields);

/// <summary>The five collections of the contract; every one of them is used by the dataflows.</summary>
internal static class CustomerpCollections
{
    public static readonly IReadOnlyList<CustomerpCollection> All =
    [
        new("customer", "customers", Shapes(("name", FieldShape.RequiredText), ("org_number", FieldShape.Text), ("email", FieldShape.Text),
            ("phone", FieldShape.Text), ("website", FieldShape.Text), ("address_line", FieldShape.Text), ("postal_code", FieldShape.Text),
            ("city", FieldShape.Text), ("country", FieldShape.Text), ("is_active", FieldShape.Flag), ("notes", FieldShape.Text))),
        new("contact", "contacts", Shapes(("customer_id", FieldShape.Reference), ("first_name", FieldShape.RequiredText),
            ("last_name", FieldShape.RequiredText), ("email", FieldShape.Text), ("phone", FieldShape.Text), ("title", FieldShape.Text))),
        new("employee", "employees", Shapes(("employee_number", FieldShape.Text), ("first_name", FieldShape.RequiredText),
            ("last_name", FieldShape.RequiredText), ("email", FieldShape.RequiredText), ("phone", FieldShape.Text), ("title", FieldShape.Text),
            ("department", FieldShape.Text), ("hire_date", FieldShape.Date), ("is_active", FieldShape.Flag))),
        new("project", "projects", Shapes(("project_number", FieldShape.RequiredText), ("name", FieldShape.RequiredText),
            ("description", FieldShape.Text), ("customer_id", FieldShape.Reference), ("manager_id", FieldShape.Reference),
            ("start_date", FieldShape.Date), ("end_date", FieldShape.Date), ("status", FieldShape.RequiredText), ("budget", FieldShape.Number))),
        new("product", "products", Shapes(("sku", FieldShape.RequiredText), ("name", FieldShape.RequiredText), ("description", FieldShape.Text),
            ("unit_price", FieldShape.Number), ("currency", FieldShape.RequiredText), ("vat_rate", FieldShape.Number), ("is_active", FieldShape.Flag))),
    ];

    private static readonly Dictionary<string, CustomerpCollection> ByDatatype = All.ToDictionary(c => c.Datatype, StringComparer.Ordinal);

    /// <summary>The collection serving <paramref name="datatype"/>, or null for a datatype Customerp does not have.</summary>
    public static CustomerpCollection? Find(string datatype) => ByDatatype.GetValueOrDefault(datatype);

    private static Dictionary<string, FieldShape> Shapes(params (string Name, FieldShape Shape)[] fields) =>
        fields.ToDictionary(f => f.Name, f => f.Shape, StringComparer.Ordinal);
}
