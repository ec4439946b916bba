namespace Isolation.Model.Abi;

/// <summary>SysV IPC constants as x86-64 Linux numbers them.</summary>
/// <remarks>include/uapi/linux/ipc.h, shm.h, msg.h, sem.h (6.12).</remarks>
public static class IpcAbi
{
    /// <summary>IPC_PRIVATE: a key that always makes a new object.</summary>
    public const int Private = 0;
    /// <summary>IPC_CREAT</summary>
    public const int Create = 0x200;
    /// <summary>IPC_EXCL</summary>
    public const int Exclusive = 0x400;
    /// <summary>IPC_NOWAIT</summary>
    public const int NoWait = 0x800;
    /// <summary>IPC_RMID</summary>
    public const int Rmid = 0;
    /// <summary>IPC_SET</summary>
    public const int Set = 1;
    /// <summary>IPC_STAT</summary>
    public const int Stat = 2;
    /// <summary>IPC_INFO</summary>
    public const int Info = 3;
    /// <summary>IPC_64: the flag glibc ors into *ctl commands; strace does not print it.</summary>
    public const int Ipc64 = 0x100;

    /// <summary>SHM_RDONLY</summary>
    public const int ShmRdonly = 0x1000;
    /// <summary>SHM_RND</summary>
    public const int ShmRnd = 0x2000;
    /// <summary>SHM_REMAP</summary>
    public const int ShmRemap = 0x4000;
    /// <summary>SHM_EXEC</summary>
    public const int ShmExec = 0x8000;
    /// <summary>SHM_DEST: the mode bit of a segment removed while still attached.</summary>
    public const int ShmDest = 0x200;

    /// <summary>MSG_NOERROR</summary>
    public const int MsgNoError = 0x1000;
    /// <summary>MSG_EXCEPT</summary>
    public const int MsgExcept = 0x2000;
    /// <summary>MSG_COPY</summary>
    public const int MsgCopy = 0x4000;

    /// <summary>SEM_UNDO</summary>
    public const int SemUndo = 0x1000;
    /// <summary>GETPID</summary>
    public const int GetPid = 11;
    /// <summary>GETVAL</summary>
    public const int GetVal = 12;
    /// <summary>GETALL</summary>
    public const int GetAll = 13;
    /// <summary>GETNCNT</summary>
    public const int GetNcnt = 14;
    /// <summary>GETZCNT</summary>
    public const int GetZcnt = 15;
    /// <summary>SETVAL</summary>
    public const int SetVal = 16;
    /// <summary>SETALL</summary>
    public const int SetAll = 17;

    /// <summary>The key argument: a number or IPC_PRIVATE.</summary>
    public static readonly SymbolTable Keys = new("IPC key", ("IPC_PRIVATE", Private));

    /// <summary>The flags of shmget/msgget/semget, msgsnd/msgrcv and shmat (with the mode bits as an octal term).</summary>
    public static readonly SymbolTable Flags = new(
        "IPC flag",
        ("IPC_CREAT", Create), ("IPC_EXCL", Exclusive), ("IPC_NOWAIT", NoWait),
        ("SHM_RDONLY", ShmRdonly), ("SHM_RND", ShmRnd), ("SHM_REMAP", ShmRemap), ("SHM_EXEC", ShmExec),
        ("SHM_HUGETLB", 0x800), ("SHM_NORESERVE", 0x1000),
        ("MSG_NOERROR", MsgNoError), ("MSG_EXCEPT", MsgExcept), ("MSG_COPY", MsgCopy),
        ("SEM_UNDO", SemUndo));

    /// <summary>The commands of shmctl/msgctl/semctl.</summary>
    public static readonly SymbolTable Commands = new(
        "IPC command",
        ("IPC_RMID", Rmid), ("IPC_SET", Set), ("IPC_STAT", Stat), ("IPC_INFO", Info), ("IPC_64", Ipc64),
        ("SHM_LOCK", 11), ("SHM_UNLOCK", 12), ("SHM_STAT", 13), ("SHM_INFO", 14), ("SHM_STAT_ANY", 15),
        ("MSG_STAT", 11), ("MSG_INFO", 12), ("MSG_STAT_ANY", 13),
        ("GETPID", GetPid), ("GETVAL", GetVal), ("GETALL", GetAll), ("GETNCNT", GetNcnt), ("GETZCNT", GetZcnt),
        ("SETVAL", SetVal), ("SETALL", SetAll), ("SEM_STAT", 18), ("SEM_INFO", 19), ("SEM_STAT_ANY", 20));
}
