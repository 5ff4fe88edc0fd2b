// Each collection starts the whole product (six emulators, a hub, the server): one at a time on a small machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
