@Controller
@SessionAttributes("cart")
//^^^^^^^^^^^^^^^^^^^^^^^^ session/java-http-session
class CartController {
    @PostMapping("/cart")
    void add(HttpServletRequest request, HttpSession session, Item item) {
        request.getSession().setAttribute("cart", item);
//      ^^^^^^^^^^^^^^^^^^^^ session/java-http-session
        session.setAttribute("last", item);
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/java-http-session
        // ok: a request attribute lives for one request
        request.setAttribute("item", item);
        // ok: a JPA session is a unit of work, not an HTTP session
        entityManager.unwrap(Session.class).flush();
        // ok: an SSH session
        ssh = jsch.getSession(user, host, 22);
    }
}
