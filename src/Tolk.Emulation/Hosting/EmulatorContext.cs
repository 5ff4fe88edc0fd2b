using Microsoft.Extensions.Logging;
using Tolk.Emulation.Calls;
using Tolk.Emulation.Data;
using Tolk.Emulation.Faults;
using Tolk.Emulation.Sample;
using Tolk.Emulation.Webhooks;

namespace Tolk.Emulation.Hosting;

/// <summary>What the kernel gives every emulator: its clock, database, call log, faults and webhook dispatcher.</summary>
public sealed class EmulatorContext(
    TimeProvider time,
    EmulatorDatabase database,
    CallLog calls,
    FaultInjector faults,
    WebhookDispatcher webhooks,
    ILoggerFactory loggers,
    SampleOptions sample)
{
    /// <summary>The injected clock; never read the system clock in an emulator.</summary>
    public TimeProvider Time { get; } = time;

    /// <summary>The emulator's records.</summary>
    public EmulatorDatabase Database { get; } = database;

    /// <summary>The calls the emulator received.</summary>
    public CallLog Calls { get; } = calls;

    /// <summary>The fault rules in force.</summary>
    public FaultInjector Faults { get; } = faults;

    /// <summary>Outgoing webhook deliveries.</summary>
    public WebhookDispatcher Webhooks { get; } = webhooks;

    /// <summary>Loggers for the emulator's own diagnostics.</summary>
    public ILoggerFactory Loggers { get; } = loggers;

    /// <summary>The seed and size the sample data was (or will be) made with.</summary>
    public SampleOptions Sample { get; set; } = sample;
}
