package com.example.kshop.web

import com.example.kshop.legacy.LegacyInvoices
import com.example.kshop.service.OrderService
import kotlinx.coroutines.GlobalScope
import kotlinx.coroutines.launch
import org.springframework.web.bind.annotation.PathVariable
import org.springframework.web.bind.annotation.PostMapping
import org.springframework.web.bind.annotation.RequestMapping
import org.springframework.web.bind.annotation.RequestMethod
import org.springframework.web.bind.annotation.RestController
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter

@RestController
@RequestMapping("/api/orders")
class OrderController(
    private val orders: OrderService,
    private val invoices: LegacyInvoices,
) {
    companion object {
        const val STATUS = "/{id}/status"
        private val inFlight = mutableMapOf<Long, String>()
        private val ALLOWED = mapOf("NEW" to 1, "PAID" to 2)
    }

    @PostMapping
    fun place(id: Long): String {
        inFlight[id] = "placing"
        GlobalScope.launch { orders.notifyWarehouse(id) }
        return orders.place(id)
    }

    @RequestMapping(STATUS, method = [RequestMethod.PUT])
    fun updateStatus(@PathVariable id: Long, status: String): Int {
        val code = ALLOWED[status] ?: 0
        Thread.sleep(200)
        return code
    }

    @RequestMapping("/{id}/invoice", method = [RequestMethod.GET])
    fun invoice(@PathVariable id: Long): String = invoices.render(id)

    @RequestMapping(path = arrayOf("/stream"), method = [RequestMethod.GET])
    fun stream(): SseEmitter = SseEmitter()
}
