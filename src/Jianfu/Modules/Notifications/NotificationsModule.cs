using Jianfu.Modules.Notifications.Contracts;

namespace Jianfu.Modules.Notifications;

public static class NotificationsModule
{
    public static IServiceCollection AddNotificationsModule(this IServiceCollection services) => services
        .AddScoped<INotifier, Notifier>()
        .AddScoped<ListNotifications.Handler>()
        .AddScoped<ReadNotifications.Handler>();

    public static void MapNotificationsApi(this RouteGroupBuilder api)
    {
        ListNotifications.Map(api);
        ReadNotifications.Map(api);
    }

    internal static string? UserId(HttpContext http) => http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
}
