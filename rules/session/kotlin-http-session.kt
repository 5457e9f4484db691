@Controller
@SessionAttributes("cart")
//^^^^^^^^^^^^^^^^^^^^^^^^ session/kotlin-http-session
class CartController {
    @PostMapping("/cart")
    fun add(request: HttpServletRequest, session: HttpSession, item: Item) {
        request.getSession().setAttribute("cart", item)
//      ^^^^^^^^^^^^^^^^^^^^ session/kotlin-http-session
        session.setAttribute("last", item)
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/kotlin-http-session
        request.session.getAttribute("user")
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/kotlin-http-session
        // ok: a request attribute lives for one request
        request.setAttribute("item", item)
        // ok: an SSH session
        val ssh = jsch.getSession(user, host, 22)
    }
}
