using Isolation.Model.Kernel.Channels;
using Isolation.Model.Tests.Fs;
using Isolation.Model.Tests.Tasks;
using Isolation.Traces;
using Isolation.Traces.Syntax;

namespace Isolation.Model.Tests.Ipc;

/// <summary>shmget, shmat, shmdt, shmctl: ipc/shm.c and ipc/util.c (6.12); every errno checked on 6.18 inside unshare -i.</summary>
public sealed class ShmTests
{
    [Fact]
    public void Shmget_KeyRules_ENOENT_EEXIST_EINVAL()
    {
        var h = new ProcHarness();
        Assert.Equal("ENOENT", h.R("p1 shmget(0x3e7, 4096, 000)"));
        Assert.Equal("0", h.R("p1 shmget(0x4d2, 4096, IPC_CREAT|0600)"));
        Assert.Equal("EEXIST", h.R("p1 shmget(0x4d2, 4096, IPC_CREAT|IPC_EXCL|0600)"));
        Assert.Equal("0", h.R("p1 shmget(0x4d2, 4096, IPC_CREAT|0600)"));
        Assert.Equal("EINVAL", h.R("p1 shmget(0x4d2, 8192, 000)"));
        Assert.Equal("EINVAL", h.R("p1 shmget(IPC_PRIVATE, 0, 0600)"));
        Assert.Equal("1", h.R("p1 shmget(IPC_PRIVATE, 4096, IPC_CREAT|IPC_EXCL|0600)"));
    }

    [Fact]
    public void ShmgetOfOthersObject_ChecksOnlyTheModeBitsAsked()
    {
        var h = FsHarness.WithUser(["p1 shmget(1, 4096, IPC_CREAT|0600)"]);
        Assert.Equal("0", h.R("p2 shmget(1, 4096, 000)"));
        Assert.Equal("EACCES", h.R("p2 shmget(1, 4096, 0600)"));
        Assert.Equal("EACCES", h.R("p2 shmget(1, 4096, 0400)"));
    }

    [Fact]
    public void Shmat_NeedsReadAndWrite_OrReadOnlyWithShmRdonly()
    {
        var h = FsHarness.WithUser(["p1 shmget(1, 4096, IPC_CREAT|0600)", "p1 shmget(4, 4096, IPC_CREAT|0644)"]);
        Assert.Equal("EACCES", h.R("p2 shmat(0, NULL, 0)"));
        Assert.Equal("EACCES", h.R("p2 shmat(1, NULL, 0)"));
        var at = h.Run("p2 shmat(1, NULL, SHM_RDONLY)");
        var result = Assert.IsType<ValueResult>(at.Result);
        Assert.Equal("0x7efffffff000", result.Text);
        Assert.Equal("EINVAL", h.R("p2 shmat(7, NULL, 0)"));
        Assert.Equal("EINVAL", h.R("p1 shmat(0, 0x1001, 0)"));
        Assert.Equal("268435456", h.R("p1 shmat(0, 0x10000000, 0)"));
        Assert.Equal("EINVAL", h.R("p1 shmat(0, 0x10000000, 0)"));
    }

    [Fact]
    public void Shmat_CapIpcOwnerOverridesTheModeBits_AndShmShmatHookRunsAfter()
    {
        var refused = new List<int>();
        var module = new TestModule((hooks, m) => hooks.ShmShmat.Add(m, (_, ipc, _) => { refused.Add(ipc.Id); return Errno.EPERM; }));
        var h = new ProcHarness(0, module);
        h.Setup("p1 shmget(1, 4096, IPC_CREAT|000)");
        Assert.Equal("EPERM", h.R("p1 shmat(0, NULL, 0)"));
        Assert.Equal([0], refused);
    }

    [Fact]
    public void IpcPermissionRefusal_IsEACCES()
    {
        var module = new TestModule((hooks, m) => hooks.IpcPermission.Add(m, (_, _, _) => Errno.EPERM));
        var h = new ProcHarness(0, module);
        h.Setup("p1 shmget(1, 4096, IPC_CREAT|0600)");
        Assert.Equal("EACCES", h.R("p1 shmget(1, 4096, 0600)"));
        Assert.Equal("EACCES", h.R("p1 shmat(0, NULL, 0)"));
    }

    [Fact]
    public void AttachmentsGoDownFromTheBase_AndShmdtOfAnUnattachedAddress_IsEINVAL()
    {
        var h = new ProcHarness();
        h.Setup("p1 shmget(IPC_PRIVATE, 8192, 0600)");
        Assert.Equal($"{0x7effffffe000}", h.R("p1 shmat(0, NULL, 0)"));
        Assert.Equal($"{0x7effffffc000}", h.R("p1 shmat(0, NULL, SHM_RDONLY)"));
        Assert.Equal("0", h.R("p1 shmdt(0x7effffffe000)"));
        Assert.Equal($"{0x7effffffe000}", h.R("p1 shmat(0, NULL, 0)"));
        Assert.Equal("EINVAL", h.R("p1 shmdt(0x1000)"));
        Assert.Equal("EINVAL", h.R("p1 shmdt(0x7effffffe001)"));
    }

    [Fact]
    public void RemovalByNonOwner_IsEPERM_AndRemovalWhileAttachedKeepsTheSegmentUntilDetached()
    {
        var h = FsHarness.WithUser(["p1 shmget(1, 4096, IPC_CREAT|0666)"]);
        Assert.Equal("EPERM", h.R("p2 shmctl(0, IPC_RMID, NULL)"));
        var address = h.R("p2 shmat(0, NULL, 0)");
        Assert.Equal("0", h.R("p1 shmctl(0, IPC_RMID, NULL)"));
        Assert.Equal("ENOENT", h.R("p1 shmget(1, 4096, 000)"));
        Assert.Equal("0", h.R("p1 shmctl(0, IPC_RMID, NULL)"));
        Assert.NotEqual("EINVAL", h.R("p1 shmat(0, NULL, 0)"));
        h.Setup("p1 exit_group(0)");
        Assert.Single(h.Kernel.InitIpcNs.Shm.Objects);
        Assert.Equal("0", h.R($"p2 shmdt(0x{long.Parse(address, System.Globalization.CultureInfo.InvariantCulture):x})"));
        Assert.Empty(h.Kernel.InitIpcNs.Shm.Objects);
        Assert.Equal("EINVAL", h.R("p2 shmat(0, NULL, 0)"));
    }

    [Fact]
    public void ForkedChild_InheritsAttachments_AndAttachingRecordsASharedMemoryChannel()
    {
        var h = new ProcHarness();
        h.Setup("p1 shmget(IPC_PRIVATE, 4096, 0600)", "p1 shmat(0, NULL, 0)", "p1 fork()");
        Assert.Equal(2, h.Kernel.InitIpcNs.Shm.Obtain(0)!.Attachments);
        h.Setup("p1 fork()", "p3 shmat(0, NULL, 0)");
        Assert.Contains(h.Kernel.Channels, c => c.Kind == ChannelKind.SharedMemory && c.From == h.P(1) && c.To == h.P(3));
    }

    [Fact]
    public void ShmctlStat_NeedsRead_AndRendersPermSizeAndAttachments()
    {
        var h = FsHarness.WithUser(["p1 shmget(0x4d2, 4096, IPC_CREAT|0600)", "p1 shmget(4, 4096, IPC_CREAT|0644)"]);
        Assert.Equal("EACCES", h.R("p2 shmctl(0, IPC_STAT, {})"));
        var stat = h.Run("p1 shmctl(0, IPC_STAT, {})");
        Assert.Equal("{shm_perm={uid=0, gid=0, mode=0600, key=0x4d2, cuid=0, cgid=0}, shm_segsz=4096, shm_cpid=p1, shm_lpid=0, shm_nattch=0}", ProcHarness.Output(stat, 2));
        Assert.Equal("0", h.R("p2 shmctl(1, IPC_STAT, {})"));
        Assert.Equal("EINVAL", h.R("p1 shmctl(-1, IPC_RMID, NULL)"));
        Assert.Equal("EINVAL", h.R("p1 shmctl(32768, IPC_RMID, NULL)"));
        Assert.Equal("EINVAL", h.R("p1 shmctl(0, 9999, NULL)"));
    }
}
