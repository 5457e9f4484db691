package com.example.kshop.service

import kotlinx.coroutines.delay
import org.springframework.scheduling.annotation.Scheduled
import org.springframework.stereotype.Service
import java.util.concurrent.ConcurrentHashMap

@Service
class OrderService {
    private val placed = ConcurrentHashMap<Long, String>()

    fun place(id: Long): String {
        placed[id] = "placed"
        return "order $id"
    }

    suspend fun notifyWarehouse(id: Long) {
        delay(1000)
    }

    @Scheduled(fixedRate = 60000)
    fun purge() {
        placed.clear()
    }
}
