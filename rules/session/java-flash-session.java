@Controller
class OwnerController {
    @PostMapping("/owners/new")
    public String create(Owner owner, RedirectAttributes redirectAttributes) {
        redirectAttributes.addFlashAttribute("message", "New Owner Created");
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/java-flash-session
        // ok: a model attribute lives for this request only
        model.addAttribute("owner", owner);
        // ok: a redirect attribute goes into the redirect URL, not the session
        redirectAttributes.addAttribute("id", owner.getId());
        return "redirect:/owners/{id}";
    }
}
