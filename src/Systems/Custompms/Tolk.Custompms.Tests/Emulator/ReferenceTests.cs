using System.Text.Json.Nodes;

namespace Tolk.Custompms.Tests.Emulator;

public sealed class ReferenceTests(CustompmsFixture fixture) : CustompmsTests(fixture)
{
    private const string NoSuchId = "0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f";

    [Theory]
    [InlineData(NoSuchId)]
    [InlineData("not-a-uuid")]
    [InlineData("0F0F0F0F-0F0F-4F0F-8F0F-0F0F0F0F0F0F")]
    public async Task a_project_whose_customer_does_not_exist_is_400_naming_customer_id(string customerId)
    {
        var reply = await Api.CallPostAsync("projects", Sample.Project(customerId));

        ErrorAssert.Is(reply, 400, "validation_failed", "customerId");
    }

    [Fact]
    public async Task a_task_whose_project_does_not_exist_is_400_naming_project_id()
    {
        ErrorAssert.Is(await Api.CallPostAsync("tasks", Sample.Task(NoSuchId)), 400, "validation_failed", "projectId");

        var task = await Sample.FirstAsync(Api, "tasks");
        task["projectId"] = NoSuchId;
        ErrorAssert.Is(await Api.CallPutAsync($"tasks/{task["id"]}", task), 400, "validation_failed", "projectId");
    }

    [Fact]
    public async Task references_to_existing_records_are_accepted()
    {
        var customer = await Api.CreateAsync("customers", Sample.Customer());
        var project = await Api.CreateAsync("projects", Sample.Project((string)customer["id"]!));
        var task = await Api.CreateAsync("tasks", Sample.Task((string)project["id"]!));

        Assert.Equal((string?)customer["id"], (string?)project["customerId"]);
        Assert.Equal((string?)project["id"], (string?)task["projectId"]);
    }

    [Fact]
    public async Task a_customer_that_projects_refer_to_cannot_be_deleted()
    {
        var project = await Sample.FirstAsync(Api, "projects");

        var reply = await Api.CallDeleteAsync($"customers/{project["customerId"]}");

        ErrorAssert.Is(reply, 409, "conflict");
        Assert.Equal(200, (await Api.CallGetAsync($"customers/{project["customerId"]}")).Status);
    }

    [Fact]
    public async Task a_project_that_tasks_refer_to_cannot_be_deleted_until_its_tasks_are_gone()
    {
        var project = await Api.CreateAsync("projects", Sample.Project(null));
        var task = await Api.CreateAsync("tasks", Sample.Task((string)project["id"]!));

        ErrorAssert.Is(await Api.CallDeleteAsync($"projects/{project["id"]}"), 409, "conflict");

        Assert.Equal(204, (await Api.CallDeleteAsync($"tasks/{task["id"]}")).Status);
        Assert.Equal(204, (await Api.CallDeleteAsync($"projects/{project["id"]}")).Status);
    }

    [Fact]
    public async Task a_customer_no_project_refers_to_can_be_deleted()
    {
        var customer = await Api.CreateAsync("customers", Sample.Customer());

        Assert.Equal(204, (await Api.CallDeleteAsync($"customers/{customer["id"]}")).Status);
    }

    [Theory]
    [InlineData("open")]
    [InlineData("inProgress")]
    [InlineData("done")]
    [InlineData("archived")]
    public async Task every_project_status_of_the_contract_is_accepted(string status)
    {
        var body = Sample.Project(null);
        body["status"] = status;

        Assert.Equal(status, (string?)(await Api.CreateAsync("projects", body))["status"]);
    }

    [Theory]
    [InlineData("low")]
    [InlineData("normal")]
    [InlineData("high")]
    public async Task every_task_priority_of_the_contract_is_accepted(string priority)
    {
        var body = Sample.Task((string)(await Sample.FirstAsync(Api, "projects"))["id"]!);
        body["priority"] = priority;

        Assert.Equal(priority, (string?)(await Api.CreateAsync("tasks", body))["priority"]);
    }
}
