using NewsPortal.Core.Editing;
using NewsPortal.Core.News;

namespace NewsPortal.Areas.Admin.Models;

public sealed record ItemListViewModel(AdminItemQuery Query, PagedResult<AdminItemRow> Result, string? Notice);
