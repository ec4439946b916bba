using Isolation.Model.Kernel.Channels;
using Isolation.Model.Tests.Fs;
using Isolation.Model.Tests.Tasks;
using Isolation.Traces;

namespace Isolation.Model.Tests.Ipc;

/// <summary>semget, semop, semctl: ipc/sem.c (6.12); errnos checked on 6.18 inside unshare -i.</summary>
public sealed class SemTests
{
    [Fact]
    public void Semget_CountRules()
    {
        var h = new ProcHarness();
        Assert.Equal("EINVAL", h.R("p1 semget(IPC_PRIVATE, 0, 0600)"));
        Assert.Equal("EINVAL", h.R("p1 semget(IPC_PRIVATE, -1, 0600)"));
        Assert.Equal("0", h.R("p1 semget(3, 2, IPC_CREAT|0600)"));
        Assert.Equal("EINVAL", h.R("p1 semget(3, 3, 0)"));
        Assert.Equal("0", h.R("p1 semget(3, 0, 0)"));
    }

    [Fact]
    public void Semop_NumberBeyondTheSet_IsEFBIG_WouldWait_IsEAGAIN_NoOperation_IsEINVAL()
    {
        var h = new ProcHarness();
        h.Setup("p1 semget(IPC_PRIVATE, 2, 0600)");
        Assert.Equal("EFBIG", h.R("p1 semop(0, [{sem_num=5, sem_op=1, sem_flg=0}], 1)"));
        Assert.Equal("EAGAIN", h.R("p1 semop(0, [{sem_num=0, sem_op=-1, sem_flg=IPC_NOWAIT}], 1)"));
        Assert.Equal("0", h.R("p1 semop(0, [{sem_num=0, sem_op=0, sem_flg=IPC_NOWAIT}], 1)"));
        Assert.Equal("EINVAL", h.R("p1 semop(0, [], 0)"));
        Assert.Equal("0", h.R("p1 semtimedop(0, [{sem_num=1, sem_op=2, sem_flg=SEM_UNDO}], 1, NULL)"));
        Assert.Equal("2", h.R("p1 semctl(0, 1, GETVAL, NULL)"));
    }

    [Fact]
    public void Semop_AllOrNothing()
    {
        var h = new ProcHarness();
        h.Setup("p1 semget(IPC_PRIVATE, 2, 0600)");
        Assert.Equal("EAGAIN", h.R("p1 semop(0, [{sem_num=0, sem_op=1, sem_flg=0}, {sem_num=1, sem_op=-1, sem_flg=IPC_NOWAIT}], 2)"));
        Assert.Equal("0", h.R("p1 semctl(0, 0, GETVAL, NULL)"));
    }

    [Fact]
    public void Setval_OutOfRange_IsERANGE_BeforeTheIdIsLookedUp()
    {
        var h = new ProcHarness();
        h.Setup("p1 semget(IPC_PRIVATE, 1, 0600)");
        Assert.Equal("ERANGE", h.R("p1 semctl(7, 0, SETVAL, 0x9c40)"));
        Assert.Equal("ERANGE", h.R("p1 semctl(0, 0, SETVAL, -1)"));
        Assert.Equal("EINVAL", h.R("p1 semctl(0, 7, SETVAL, 0x1)"));
        Assert.Equal("EINVAL", h.R("p1 semctl(0, 7, GETVAL, NULL)"));
        Assert.Equal("0", h.R("p1 semctl(0, 0, SETVAL, 0x5)"));
        Assert.Equal("5", h.R("p1 semctl(0, 0, GETVAL, NULL)"));
    }

    [Fact]
    public void OthersSet_NeedsPermission_AndTheSemctlHookRefusingSetvalIsEACCES()
    {
        var h = FsHarness.WithUser(["p1 semget(3, 2, IPC_CREAT|0600)"]);
        Assert.Equal("EACCES", h.R("p2 semop(0, [{sem_num=0, sem_op=0, sem_flg=IPC_NOWAIT}], 1)"));
        Assert.Equal("EACCES", h.R("p2 semctl(0, 0, GETVAL, NULL)"));
        Assert.Equal("EPERM", h.R("p2 semctl(0, 0, IPC_RMID, NULL)"));
        var module = new TestModule((hooks, m) => hooks.SemSemctl.Add(m, (_, _, _) => Errno.EPERM));
        var hooked = new ProcHarness(0, module);
        hooked.Setup("p1 semget(IPC_PRIVATE, 1, 0600)");
        Assert.Equal("EACCES", hooked.R("p1 semctl(0, 0, SETVAL, 0x1)"));
        Assert.Equal("EPERM", hooked.R("p1 semctl(0, 0, GETVAL, NULL)"));
    }

    [Fact]
    public void ReadingASemaphoreAnotherTaskSet_RecordsAnIpcChannel()
    {
        var h = new ProcHarness();
        h.Setup("p1 semget(IPC_PRIVATE, 1, 0600)", "p1 fork()", "p2 semctl(0, 0, SETVAL, 0x1)", "p1 semop(0, [{sem_num=0, sem_op=-1, sem_flg=0}], 1)");
        Assert.Contains(h.Kernel.Channels, c => c.Kind == ChannelKind.Ipc && c.From == h.P(2) && c.To == h.P(1));
        Assert.Equal("{sem_perm={uid=0, gid=0, mode=0600, key=0, cuid=0, cgid=0}, sem_nsems=1}", ProcHarness.Output(h.Run("p1 semctl(0, 0, IPC_STAT, {})"), 3));
    }
}
