namespace Isolation.Model.Kernel.Ipc;

/// <summary>One operation of semop(2) (struct sembuf).</summary>
/// <param name="Num">sem_num</param>
/// <param name="Op">sem_op: add, subtract, or 0 to wait for zero.</param>
/// <param name="Flags">sem_flg: IPC_NOWAIT, SEM_UNDO.</param>
public readonly record struct SemOp(int Num, int Op, int Flags);
