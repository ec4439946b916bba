using FsCheck;
using FsCheck.Fluent;
using Isolation.Model.Kernel.Creds;
using Isolation.Model.Kernel.Ipc;
using Isolation.Model.Tests.Tasks;
using Isolation.Traces;

namespace Isolation.Model.Tests.Ipc;

/// <summary>Id numbering: ipc/util.c ipc_idr_alloc (6.12); 0, 1, 2, then 3 after removing 0, checked on 6.18 in a fresh namespace.</summary>
public sealed class IpcIdsTests
{
    [Fact]
    public void FreshNamespace_NumbersEachKindFromZero_AndDoesNotReuseAFreedIndexAtOnce()
    {
        var h = new ProcHarness();
        Assert.Equal("0", h.R("p1 shmget(IPC_PRIVATE, 4096, IPC_CREAT|0600)"));
        Assert.Equal("1", h.R("p1 shmget(0x4d2, 4096, IPC_CREAT|0600)"));
        Assert.Equal("2", h.R("p1 shmget(IPC_PRIVATE, 4096, 0600)"));
        Assert.Equal("0", h.R("p1 shmctl(0, IPC_RMID, NULL)"));
        Assert.Equal("3", h.R("p1 shmget(IPC_PRIVATE, 4096, 0600)"));
        Assert.Equal("0", h.R("p1 msgget(IPC_PRIVATE, 0600)"));
        Assert.Equal("0", h.R("p1 semget(IPC_PRIVATE, 1, 0600)"));
    }

    [Fact]
    public void AfterSixtyFourCreateRemoveCycles_TheIndexWrapsAndTheSequenceGoesUp()
    {
        // Checked on 6.18 in a fresh namespace: the 64th msgget/IPC_RMID cycle answers 32768, then 32769.
        var h = new ProcHarness();
        for (var i = 0; i < IpcIds<MessageQueue>.MinCycle; i++)
        {
            Assert.Equal($"{i}", h.R("p1 msgget(IPC_PRIVATE, 0600)"));
            Assert.Equal("0", h.R($"p1 msgctl({i}, IPC_RMID, NULL)"));
        }

        Assert.Equal("32768", h.R("p1 msgget(IPC_PRIVATE, 0600)"));
        Assert.Equal("32769", h.R("p1 msgget(IPC_PRIVATE, 0600)"));
        Assert.Equal("EINVAL", h.R("p1 msgctl(0, IPC_STAT, {})"));
        Assert.Equal("0", h.R("p1 msgctl(32768, IPC_RMID, NULL)"));
    }

    [Fact]
    public void LiveIds_AreUniqueAndFindTheirObjects_WhateverTheOrderOfCreationsAndRemovals()
    {
        var cred = Cred.Root(new UserNamespace(1, null, 0, 0));
        Prop.ForAll<bool[]>(steps =>
        {
            var ids = new IpcIds<SemaphoreSet>();
            var ns = new IpcNamespace(1);
            var live = new List<SemaphoreSet>();
            foreach (var create in steps)
            {
                if (create || live.Count == 0)
                {
                    var set = new SemaphoreSet(ns, 1);
                    if (ids.Add(set, 32000, cred) == Errno.None)
                    {
                        live.Add(set);
                    }
                }
                else
                {
                    ids.Remove(live[0]);
                    live.RemoveAt(0);
                }
            }

            return live.Select(s => s.Id).Distinct().Count() == live.Count && live.All(s => ids.Obtain(s.Id) == s);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Limit_IsENOSPC()
    {
        var ids = new IpcIds<ShmSegment>();
        var ns = new IpcNamespace(1);
        var cred = Cred.Root(new UserNamespace(1, null, 0, 0));
        var task = new ProcHarness().P(1);
        Assert.Equal(Errno.None, ids.Add(new ShmSegment(ns, 1, task), 1, cred));
        Assert.Equal(Errno.ENOSPC, ids.Add(new ShmSegment(ns, 1, task), 1, cred));
    }
}
