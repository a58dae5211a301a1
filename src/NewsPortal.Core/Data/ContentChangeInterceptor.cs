using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NewsPortal.Core.Editing;
using NewsPortal.Core.News;

namespace NewsPortal.Core.Data;

/// <summary>
/// Bumps <see cref="ContentVersion"/> once changes to news items are committed: after a save outside a transaction,
/// or at the commit of the transaction the saves were part of (an import's many saves become visible only then).
/// Sign-ins, audit entries and other writes leave cached pages alone. On SQLite, commits are told to
/// <see cref="OwnCommits"/>, so that the change listener does not drop the pages a second time for them.
/// </summary>
public sealed class ContentChangeInterceptor(ContentVersion version, OwnCommits own) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    // Per context: news changes saved but not yet committed.
    private readonly ConditionalWeakTable<DbContext, PendingCommit> _pending = new();

    private sealed class PendingCommit
    {
        /// <summary>SQLite only: the change counter its commit leaves.</summary>
        public long? Counter { get; set; }
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        NoteNewsChanges(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        NoteNewsChanges(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        BumpIfCommitted(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        BumpIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => ForgetIfNotInTransaction(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ForgetIfNotInTransaction(eventData.Context);
        return Task.CompletedTask;
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (PendingOf(eventData.Context) is { } pending && IsSqlite(eventData.Context))
            pending.Counter = OwnCommits.CounterAsync(transaction, async: false, default).GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (PendingOf(eventData.Context) is { } pending && IsSqlite(eventData.Context))
            pending.Counter = await OwnCommits.CounterAsync(transaction, async: true, cancellationToken);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => BumpIfPending(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        BumpIfPending(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void NoteNewsChanges(DbContext? context)
    {
        if (context is null) return;
        if (!context.ChangeTracker.Entries().Any(IsNewsChange)) return;
        _pending.AddOrUpdate(context, new PendingCommit());
        // EF saves a single statement without a transaction, and so without the commit hook that reads the counter.
        // (A pooled context gets its default back when it is returned.)
        if (IsSqlite(context)) context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
    }

    private static bool IsNewsChange(EntityEntry entry) =>
        entry.Entity is NewsItem or NewsItemRevision && entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted;

    /// <summary>A save without a transaction of the caller's committed on its own.</summary>
    private void BumpIfCommitted(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null) BumpIfPending(context);
    }

    private PendingCommit? PendingOf(DbContext? context) => context is not null && _pending.TryGetValue(context, out var pending) ? pending : null;

    private void BumpIfPending(DbContext? context)
    {
        if (PendingOf(context) is not { } pending) return;
        _pending.Remove(context!);
        if (pending.Counter is { } counter) own.Committed(counter);
        version.Bump();
    }

    private static bool IsSqlite(DbContext? context) => context?.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    private void ForgetIfNotInTransaction(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null) Forget(context);
    }

    private void Forget(DbContext? context)
    {
        if (context is not null) _pending.Remove(context);
    }
}
