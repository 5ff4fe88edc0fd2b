using Tolk.Hub.Store;

namespace Tolk.Hub.Tests;

public abstract partial class HubStoreCompliance
{
    [Fact]
    public async Task activity_is_listed_newest_first_after_an_id_and_by_record()
    {
        var store = await OpenAsync();
        var cluster = await store.CreateClusterAsync("organization");
        var customer = new Dataset("customerp", "customer");
        var first = await store.AddActivityAsync(new NewActivity(ActivityKinds.Inserted, cluster, customer, "7", "created for asana team 12"));
        Time.Advance(TimeSpan.FromSeconds(5));
        var second = await store.AddActivityAsync(new NewActivity(ActivityKinds.Updated, null, new Dataset("asana", "team"), "12", "name"));

        var all = await store.GetActivityAsync(0, 10);
        var after = await store.GetActivityAsync(first, 10);
        var ofCustomer = await store.GetActivityAsync(0, 10, new MemberRecord(customer, "7"));

        Assert.Equal([second, first], all.Select(a => a.Id));
        Assert.Equal([second], after.Select(a => a.Id));
        var entry = Assert.Single(ofCustomer);
        Assert.Equal((ActivityKinds.Inserted, (long?)cluster, customer, "7", "created for asana team 12", Time.GetUtcNow() - TimeSpan.FromSeconds(5)),
            (entry.Kind, entry.ClusterId, entry.Dataset, entry.RecordId, entry.Message, entry.At));
        Assert.Null(all[0].ClusterId);
    }
}
