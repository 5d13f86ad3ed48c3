namespace Jianfu.Modules.Assessment;

public static class AssessmentModule
{
    public static IServiceCollection AddAssessmentModule(this IServiceCollection services) => services
        .AddScoped<AssessmentAccess>()
        .AddScoped<ScoreRunner>()
        .AddScoped<Contracts.IInspectionVisits, InspectionVisits>()
        .AddScoped<ListInspectionVisits.Handler>()
        .AddSingleton<SubmitRating.Limits>()
        .AddSingleton<RatingWriter>()
        .AddHostedService(sp => sp.GetRequiredService<RatingWriter>())
        .AddScoped<AssessmentDemo>()
        .AddScoped<CreateIndicatorSet.Handler>()
        .AddScoped<ListIndicatorSets.Handler>()
        .AddScoped<GetIndicatorSet.Handler>()
        .AddScoped<AddIndicator.Handler>()
        .AddScoped<RemoveIndicator.Handler>()
        .AddScoped<SetScheme.Handler>()
        .AddScoped<PublishIndicatorSet.Handler>()
        .AddScoped<CompareIndicatorSets.Handler>()
        .AddScoped<ScoreIndicator.Handler>()
        .AddScoped<GetRankings.Handler>()
        .AddScoped<PublishRankings.Handler>()
        .AddScoped<GetUnitResult.Handler>()
        .AddScoped<GetCadreBoard.Handler>()
        .AddScoped<GetScoringSheet.Handler>()
        .AddScoped<GetRatingPoster.Handler>()
        .AddScoped<ListRatingPosters.Handler>()
        .AddScoped<SetRatingQuestions.Handler>()
        .AddScoped<SubmitRating.Handler>()
        .AddScoped<CreateBallot.Handler>()
        .AddScoped<CastBallot.Handler>()
        .AddScoped<GetBallot.Handler>()
        .AddScoped<CreateInspectionPlan.Handler>()
        .AddScoped<AddPlanItem.Handler>()
        .AddScoped<PublishInspectionPlan.Handler>()
        .AddScoped<GetInspectionPlan.Handler>()
        .AddScoped<RecordInspectionApproval.Handler>()
        .AddScoped<RecordInspectionVisit.Handler>();

    public static void MapAssessmentApi(this RouteGroupBuilder api)
    {
        CreateIndicatorSet.Map(api);
        ListIndicatorSets.Map(api);
        GetIndicatorSet.Map(api);
        AddIndicator.Map(api);
        RemoveIndicator.Map(api);
        SetScheme.Map(api);
        PublishIndicatorSet.Map(api);
        CompareIndicatorSets.Map(api);
        ScoreIndicator.Map(api);
        GetRankings.Map(api);
        PublishRankings.Map(api);
        GetUnitResult.Map(api);
        GetCadreBoard.Map(api);
        GetScoringSheet.Map(api);
        GetRatingPoster.Map(api);
        ListRatingPosters.Map(api);
        SetRatingQuestions.Map(api);
        SubmitRating.Map(api);
        CreateBallot.Map(api);
        CastBallot.Map(api);
        GetBallot.Map(api);
        CreateInspectionPlan.Map(api);
        AddPlanItem.Map(api);
        PublishInspectionPlan.Map(api);
        GetInspectionPlan.Map(api);
        RecordInspectionApproval.Map(api);
        RecordInspectionVisit.Map(api);
        ListInspectionVisits.Map(api);
    }

    /// <summary>Outside /api/v1 (bearer only): the downloads the pages link to, with the pages' sign-in.</summary>
    public static void MapAssessmentPages(this IEndpointRouteBuilder app) =>
        app.MapGet("/assessment/sets/{id:int}/comparison.xlsx", CompareIndicatorSets.XlsxAsync).RequireAuthorization().ExcludeFromDescription();
}
