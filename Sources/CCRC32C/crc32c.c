// CRC-32C (Castagnoli) with the processor's own instruction, for the file engine's frame checksums.
// The instructions compute the reflected polynomial 0x82F63B78 that the portable table in CRC32C.swift
// uses, so both give the same checksums.
#include "crc32c.h"

#include <string.h>

#if defined(__x86_64__)
#include <cpuid.h>
#include <nmmintrin.h>
#define CRC_TARGET __attribute__((target("sse4.2")))

int crm_crc32c_hardware_available(void) {
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    return (ecx & bit_SSE4_2) != 0;
}

static inline CRC_TARGET uint32_t step_word(uint32_t state, uint64_t word) {
    return (uint32_t)_mm_crc32_u64(state, word);
}

static inline CRC_TARGET uint32_t step_byte(uint32_t state, unsigned char byte) {
    return _mm_crc32_u8(state, byte);
}

#elif defined(__aarch64__)
#include <arm_acle.h>
#if defined(__linux__)
#include <asm/hwcap.h>
#include <sys/auxv.h>
#endif
#define CRC_TARGET __attribute__((target("crc")))

int crm_crc32c_hardware_available(void) {
#if defined(__APPLE__)
    return 1;
#elif defined(__linux__)
    return (getauxval(AT_HWCAP) & HWCAP_CRC32) != 0;
#else
    return 0;
#endif
}

static inline CRC_TARGET uint32_t step_word(uint32_t state, uint64_t word) { return __crc32cd(state, word); }

static inline CRC_TARGET uint32_t step_byte(uint32_t state, unsigned char byte) { return __crc32cb(state, byte); }

#endif

#if defined(CRC_TARGET)

CRC_TARGET uint32_t crm_crc32c_hardware_update(uint32_t state, const void *bytes, size_t count) {
    const unsigned char *next = bytes;
    while (count >= 8) {
        uint64_t word;
        memcpy(&word, next, 8);
        state = step_word(state, word);
        next += 8;
        count -= 8;
    }
    while (count > 0) {
        state = step_byte(state, *next);
        next += 1;
        count -= 1;
    }
    return state;
}

#else

int crm_crc32c_hardware_available(void) { return 0; }

uint32_t crm_crc32c_hardware_update(uint32_t state, const void *bytes, size_t count) {
    (void)bytes;
    (void)count;
    return state;
}

#endif
