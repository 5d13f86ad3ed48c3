using Jianfu.Modules.Catalogue.Contracts;

namespace Jianfu.Modules.Hotline.Domain;

/// <summary>Where a label sends an order: a community's inbox (with the list item that puts it there) or a department.</summary>
internal sealed record RouteDecision(RouteKind Kind, DutyItemInfo? Item, DepartmentRef? Department);

/// <summary>A department of the district, as routing names it.</summary>
internal sealed record DepartmentRef(int Id, string Name);
