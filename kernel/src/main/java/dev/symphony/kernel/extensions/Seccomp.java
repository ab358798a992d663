package dev.symphony.kernel.extensions;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The seccomp filter every sandboxed host (and every program it starts) runs under: a classic-BPF program, handed to
 * bubblewrap ({@code --seccomp FD}), that refuses with {@code EPERM} the system calls a JVM never needs and that
 * widen the kernel's attack surface or let a process reach past its namespaces: kernel modules, {@code kexec},
 * mounting (old and new API), {@code pivot_root}/{@code chroot}, new namespaces ({@code unshare}, {@code setns},
 * {@code clone} with any {@code CLONE_NEW*} flag), {@code ptrace} and cross-process memory access, the keyring,
 * {@code bpf}, {@code perf_event_open}, {@code userfaultfd}, {@code io_uring}, file handles
 * ({@code open_by_handle_at}), clocks and host names, swap, reboot, and {@code ioctl(TIOCSTI/TIOCLINUX)} (typing
 * into the terminal). {@code clone3} gets {@code ENOSYS}, as in Flatpak, because its flags are behind a pointer the
 * filter cannot read: the C library then falls back to {@code clone}, whose flags it can. A call from another
 * architecture (i386 or x32 system calls on x86-64, which have other numbers) is refused outright.
 * <p>
 * Written by hand rather than with libseccomp: libseccomp is a native library that would need a binding (JNA) and may
 * be missing where bubblewrap is installed, while the filter is a fixed deny-list of about fifty calls, which a
 * generator of classic BPF (a stable kernel format) writes in a few dozen instructions. The list follows
 * Flatpak's and Docker's default profiles. Linux on x86-64 and aarch64 only; elsewhere {@link #filter} is empty and
 * hosts run without one (said in the host's log).
 */
final class Seccomp {
    /** {@code AUDIT_ARCH_*} and, per call, its number there; -1 where the call does not exist. */
    private static final int AUDIT_ARCH_X86_64 = 0xC000003E;
    private static final int AUDIT_ARCH_AARCH64 = 0xC00000B7;
    private static final Map<String, int[]> DENIED = new LinkedHashMap<>();

    static {
        String table = """
                syslog 103 116, uselib 134 -1, acct 163 89, quotactl 179 60, add_key 248 217, keyctl 250 219,
                request_key 249 218, ptrace 101 117, process_vm_readv 310 270, process_vm_writev 311 271,
                kexec_load 246 104, kexec_file_load 320 294, init_module 175 105, finit_module 313 273,
                delete_module 176 106, mount 165 40, umount2 166 39, pivot_root 155 41, chroot 161 51, swapon 167 224,
                swapoff 168 225, reboot 169 142, setns 308 268, unshare 272 97, open_by_handle_at 304 265,
                name_to_handle_at 303 264, bpf 321 280, perf_event_open 298 241, userfaultfd 323 282,
                lookup_dcookie 212 18, clock_settime 227 112, settimeofday 164 170, adjtimex 159 171,
                clock_adjtime 305 266, sethostname 170 161, setdomainname 171 162, iopl 172 -1, ioperm 173 -1,
                vhangup 153 58, open_tree 428 428, move_mount 429 429, fsopen 430 430, fsconfig 431 431,
                fsmount 432 432, fspick 433 433, mount_setattr 442 442, io_uring_setup 425 425,
                io_uring_enter 426 426, io_uring_register 427 427, pidfd_getfd 438 438, move_pages 279 239,
                migrate_pages 256 238""";
        for (String entry : table.split(",")) {
            String[] f = entry.trim().split("\\s+");
            DENIED.put(f[0], new int[] {Integer.parseInt(f[1]), Integer.parseInt(f[2])});
        }
    }

    private static final int[] CLONE = {56, 220};
    private static final int[] CLONE3 = {435, 435};
    private static final int[] IOCTL = {16, 29};
    /** CLONE_NEWNS | NEWCGROUP | NEWUTS | NEWIPC | NEWUSER | NEWPID | NEWNET. */
    static final int CLONE_NEW_ANY = 0x00020000 | 0x02000000 | 0x04000000 | 0x08000000 | 0x10000000 | 0x20000000 | 0x40000000;
    private static final int TIOCSTI = 0x5412;
    private static final int TIOCLINUX = 0x541C;
    private static final int X32_SYSCALL_BIT = 0x40000000;

    private static final int RET_ALLOW = 0x7FFF0000;
    private static final int RET_EPERM = 0x00050000 | 1;
    private static final int RET_ENOSYS = 0x00050000 | 38;

    private static volatile Path written;

    private Seccomp() {
    }

    /** The names of the calls refused outright (for the docs and tests). */
    static List<String> deniedCalls() {
        return List.copyOf(DENIED.keySet());
    }

    /** The filter for this machine's architecture, or empty where none is written (not Linux on x86-64/aarch64). */
    static Optional<byte[]> filter() {
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            return Optional.empty();
        }
        return switch (System.getProperty("os.arch", "").toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> Optional.of(program(0));
            case "aarch64", "arm64" -> Optional.of(program(1));
            default -> Optional.empty();
        };
    }

    /**
     * The command prefix that opens the filter on a descriptor and hands it to bubblewrap: a shell that opens the
     * file on a descriptor and becomes bwrap ({@code ProcessBuilder} cannot pass one). Just {@code bwrap} without a filter.
     */
    static List<String> bwrapPrefix() {
        int fd = 9; // one digit: dash reads "11<" as an argument 11 and a redirection of stdin
        Optional<Path> file = file();
        if (file.isEmpty()) {
            return List.of("bwrap");
        }
        return List.of("/bin/sh", "-c", "exec \"$@\" " + fd + "<\"$0\"", file.get().toString(), "bwrap", "--seccomp", Integer.toString(fd));
    }

    /** The filter, written once per kernel into a private file (mode 0600) outside any sandbox's view. */
    static Optional<Path> file() {
        Path f = written;
        if (f != null && Files.isRegularFile(f)) {
            return Optional.of(f);
        }
        Optional<byte[]> program = filter();
        if (program.isEmpty()) {
            return Optional.empty();
        }
        synchronized (Seccomp.class) {
            try {
                f = Files.createTempFile("symphony-seccomp-", ".bpf", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.write(f, program.get());
                f.toFile().deleteOnExit();
                written = f;
                return Optional.of(f);
            } catch (IOException | UnsupportedOperationException e) {
                return Optional.empty();
            }
        }
    }

    /** The BPF program for architecture {@code a} (0 x86-64, 1 aarch64), in the machine's byte order. */
    static byte[] program(int a) {
        Bpf p = new Bpf();
        p.load(4); // seccomp_data.arch
        p.jumpIfEqual(a == 0 ? AUDIT_ARCH_X86_64 : AUDIT_ARCH_AARCH64, "native", "deny");
        p.label("native");
        p.load(0); // seccomp_data.nr
        if (a == 0) {
            p.jumpIfAtLeast(X32_SYSCALL_BIT, "deny", null);
        }
        for (int[] numbers : DENIED.values()) {
            if (numbers[a] >= 0) {
                p.jumpIfEqual(numbers[a], "deny", null);
            }
        }
        p.jumpIfEqual(CLONE3[a], "nosys", null);
        p.jumpIfEqual(CLONE[a], "clone", null);
        p.jumpIfEqual(IOCTL[a], "ioctl", null);
        p.ret(RET_ALLOW);
        p.label("clone");
        p.load(16); // the low half of args[0]: clone's flags on both architectures
        p.jumpIfAnyBit(CLONE_NEW_ANY, "deny", "allow");
        p.label("ioctl");
        p.load(24); // the low half of args[1]: the request
        p.jumpIfEqual(TIOCSTI, "deny", null);
        p.jumpIfEqual(TIOCLINUX, "deny", "allow");
        p.label("allow");
        p.ret(RET_ALLOW);
        p.label("nosys");
        p.ret(RET_ENOSYS);
        p.label("deny");
        p.ret(RET_EPERM);
        return p.assemble();
    }

    /** A tiny classic-BPF assembler: {@code struct sock_filter {u16 code; u8 jt; u8 jf; u32 k;}} with forward labels. */
    private static final class Bpf {
        private static final int LD_W_ABS = 0x20, JEQ = 0x15, JGE = 0x35, JSET = 0x45, RET = 0x06;
        private record Insn(int code, String jt, String jf, int k) {
        }

        private final List<Insn> code = new ArrayList<>();
        private final Map<String, Integer> labels = new LinkedHashMap<>();

        void load(int offset) {
            code.add(new Insn(LD_W_ABS, null, null, offset));
        }

        void jumpIfEqual(int k, String yes, String no) {
            code.add(new Insn(JEQ, yes, no, k));
        }

        void jumpIfAtLeast(int k, String yes, String no) {
            code.add(new Insn(JGE, yes, no, k));
        }

        void jumpIfAnyBit(int k, String yes, String no) {
            code.add(new Insn(JSET, yes, no, k));
        }

        void ret(int k) {
            code.add(new Insn(RET, null, null, k));
        }

        void label(String name) {
            labels.put(name, code.size());
        }

        byte[] assemble() {
            ByteBuffer out = ByteBuffer.allocate(code.size() * 8).order(ByteOrder.nativeOrder());
            for (int i = 0; i < code.size(); i++) {
                Insn insn = code.get(i);
                out.putShort((short) insn.code()).put(offset(i, insn.jt())).put(offset(i, insn.jf())).putInt(insn.k());
            }
            return out.array();
        }

        /** A jump's distance: instructions skipped after this one (0 = fall through); forward only, at most 255. */
        private byte offset(int from, String label) {
            if (label == null) {
                return 0;
            }
            int distance = labels.get(label) - from - 1;
            if (distance < 0 || distance > 255) {
                throw new IllegalStateException("BPF jump to " + label + " out of range: " + distance);
            }
            return (byte) distance;
        }
    }
}
