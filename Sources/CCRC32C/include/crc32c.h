#ifndef CRM_CRC32C_H
#define CRM_CRC32C_H

#include <stddef.h>
#include <stdint.h>

/// Whether this processor has a CRC-32C instruction (SSE 4.2 on x86-64, the CRC extension on ARMv8).
int crm_crc32c_hardware_available(void);

/// Advances the CRC-32C register `state` (not inverted) over `count` bytes with the processor's
/// instruction. Call only when crm_crc32c_hardware_available() returned nonzero.
uint32_t crm_crc32c_hardware_update(uint32_t state, const void *bytes, size_t count);

#endif
