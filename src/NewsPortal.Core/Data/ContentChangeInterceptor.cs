using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NewsPortal.Core.News;

namespace NewsPortal.Core.Data;

/// <summary>
/// Bumps <see cref="ContentVersion"/> once news changes are committed: after a save outside a transaction, and
/// after every commit (an import's many saves become visible only then).
/// </summary>
public sealed class ContentChangeInterceptor(ContentVersion version) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        BumpIfOutsideTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        BumpIfOutsideTransaction(eventData.Context);
        return result;
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        version.BumpAfterLocalCommit();
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => version.BumpAfterLocalCommit();

    private void BumpIfOutsideTransaction(DbContext? context)
    {
        // SaveChanges without a user transaction commits its own; with one, the commit above bumps.
        if (context?.Database.CurrentTransaction is null) version.BumpAfterLocalCommit();
    }
}
