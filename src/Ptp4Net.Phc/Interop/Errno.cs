namespace Ptp4Net.Phc;

/// <summary>errno values (asm-generic/errno-base.h, errno.h) the Linux layer tells apart.</summary>
public enum Errno
{
    None = 0,
    EPERM = 1,
    ENOENT = 2,
    EINTR = 4,
    EIO = 5,
    EBADF = 9,
    EAGAIN = 11,
    ENOMEM = 12,
    EACCES = 13,
    EFAULT = 14,
    EBUSY = 16,
    ENODEV = 19,
    EINVAL = 22,
    ENOTTY = 25,
    ERANGE = 34,
    ENOMSG = 42,
    EMSGSIZE = 90,
    ENOPROTOOPT = 92,
    EOPNOTSUPP = 95,
    EADDRINUSE = 98,
    EADDRNOTAVAIL = 99,
    ENETUNREACH = 101,
    ENOBUFS = 105,
}
