namespace Jianfu.Modules.Dispatch;

public static class DispatchModule
{
    public static IServiceCollection AddDispatchModule(this IServiceCollection services) => services
        .AddScoped<Contracts.IDispatchLookup, DispatchLookup>()
        .AddScoped<Contracts.ITaskFigures, TaskFigures>()
        .AddScoped<DispatchDemo>()
        .AddScoped<DispatchPreparation>()
        .AddScoped<SubmitDispatch.Handler>()
        .AddScoped<CheckDispatch.Handler>()
        .AddScoped<GetDispatchForm.Handler>()
        .AddScoped<SaveDispatchDraft.Handler>()
        .AddScoped<ResubmitDispatch.Handler>()
        .AddScoped<GetDispatch.Handler>()
        .AddScoped<GetTask.Handler>()
        .AddScoped<DownloadAttachment.Handler>()
        .AddScoped<ReviewDispatch.Handler>()
        .AddScoped<WithdrawDispatch.Handler>()
        .AddScoped<ListReviewQueue.Handler>()
        .AddScoped<ListMyDispatches.Handler>()
        .AddScoped<ListRerouted.Handler>()
        .AddScoped<ListInbox.Handler>()
        .AddScoped<ReceiveTask.Handler>()
        .AddScoped<AssignTask.Handler>()
        .AddScoped<CompleteTask.Handler>()
        .AddScoped<ConfirmTask.Handler>()
        .AddScoped<SendBackTask.Handler>()
        .AddScoped<Platform.Layout.IWorkSource, CountMyWork>();

    public static void MapDispatchApi(this RouteGroupBuilder api)
    {
        SubmitDispatch.Map(api);
        CheckDispatch.Map(api);
        SaveDispatchDraft.Map(api);
        ResubmitDispatch.Map(api);
        GetDispatch.Map(api);
        ReviewDispatch.Map(api);
        WithdrawDispatch.Map(api);
        ListReviewQueue.Map(api);
        ListMyDispatches.Map(api);
        ListRerouted.Map(api);
        ListInbox.Map(api);
        GetTask.Map(api);
        ReceiveTask.Map(api);
        AssignTask.Map(api);
        CompleteTask.Map(api);
        ConfirmTask.Map(api);
        SendBackTask.Map(api);
        DownloadAttachment.Map(api);
    }

    /// <summary>Endpoints for the pages (cookie sign-in): the live gate check and attachment downloads.</summary>
    public static void MapDispatchPages(this IEndpointRouteBuilder app)
    {
        DispatchForm.MapLiveCheck(app);
        DispatchForm.MapLiveSuggestions(app);
        app.MapGet("/tasks/{taskId:int}/attachment", (int taskId, DownloadAttachment.Handler handler, CancellationToken ct) => handler.HandleAsync(taskId, ct)).RequireAuthorization().ExcludeFromDescription();
    }
}
