namespace Tolk.Engine.Tests.Qa;

/// <summary>What the Asana sample gives the tests to build on.</summary>
public static class AsanaSample
{
    /// <summary>The workspace that is an organization (teams and their projects live there).</summary>
    public static async Task<string> OrganizationAsync(FlowCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return Sides.AsanaWorkspace.IdOf((await check.ListAsync(Sides.AsanaWorkspace)).First(w => (bool?)w["is_organization"] == true));
    }
}
