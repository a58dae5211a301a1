namespace NewsPortal.Core.News;

public enum NewsStatus
{
    Draft,
    Scheduled,
    Published,
}
