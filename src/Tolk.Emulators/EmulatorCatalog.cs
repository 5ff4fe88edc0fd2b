using Tolk.Asana.Emulator;
using Tolk.Crmoffice.Emulator;
using Tolk.Customerp.Emulator;
using Tolk.Custompms.Emulator;
using Tolk.Emulation.Hosting;
using Tolk.Tidsbanken.Emulator;
using Tolk.Trello.Emulator;

namespace Tolk.Emulators;

/// <summary>One entry of the catalog: a system, its default port offset from the port base, and how to make its emulator.</summary>
public sealed record EmulatorEntry(string System, int PortOffset, Func<EmulatorContext, SystemEmulator> Create);

/// <summary>The six emulators in their fixed order; ports are the port base plus the offset (7101-7106 by default).</summary>
public static class EmulatorCatalog
{
    /// <summary>The default port of the first emulator.</summary>
    public const int DefaultPortBase = 7101;

    /// <summary>Every emulator Tolk ships.</summary>
    public static IReadOnlyList<EmulatorEntry> All { get; } =
    [
        new("asana", 0, ctx => new AsanaEmulator(ctx)),
        new("trello", 1, ctx => new TrelloEmulator(ctx)),
        new("tidsbanken", 2, ctx => new TidsbankenEmulator(ctx)),
        new("customerp", 3, ctx => new CustomerpEmulator(ctx)),
        new("custompms", 4, ctx => new CustompmsEmulator(ctx)),
        new("crmoffice", 5, ctx => new CrmofficeEmulator(ctx)),
    ];
}
