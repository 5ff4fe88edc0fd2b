namespace Tolk.Emulation.Sample;

/// <summary>A company in the sample world. <see cref="Index"/> is stable for a given seed.</summary>
public sealed record SampleOrganization(
    int Index, string Name, string? OrgNumber, string Email, string Phone, string Website,
    string AddressLine, string PostalCode, string City, string Country, string Description, string Domain);

/// <summary>A person in the sample world: employees of the demo company first, then contacts at customers.</summary>
public sealed record SamplePerson(
    int Index, string FirstName, string LastName, string Email, string Phone, string Title,
    string EmployeeNumber, int? OrganizationIndex)
{
    /// <summary>First and last name.</summary>
    public string FullName => $"{FirstName} {LastName}";
}

/// <summary>A product with a unique SKU.</summary>
public sealed record SampleProduct(int Index, string Sku, string Name, string Description, decimal UnitPrice, string Currency, bool Active);

/// <summary>A project for a customer (<see cref="CustomerIndex"/>) managed by an employee (<see cref="ManagerIndex"/>).</summary>
public sealed record SampleProject(
    int Index, string Number, string Name, string Description, DateOnly StartDate, DateOnly EndDate,
    string Status, int CustomerIndex, int ManagerIndex);

/// <summary>A task in a project, perhaps assigned to an employee.</summary>
public sealed record SampleTask(
    int Index, string Title, string Description, DateOnly? DueDate, bool Completed, int ProjectIndex, int? AssigneeIndex);
