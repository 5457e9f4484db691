<?php
#[Route('/profile'), IsGranted('ROLE_USER')]
//                   ^^^^^^^^^ session/php-symfony-session-used
class UserController extends AbstractController {
    #[Route('/edit')]
    public function edit(Request $request): Response {
        $this->addFlash('success', 'updated');
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/php-symfony-session-used
        return $this->render('edit.html.twig', ['user' => $this->getUser()]);
//                                                        ^^^^^^^^^^^^^^^^ session/php-symfony-session-used
    }
}
class SecurityController extends AbstractController {
    public function login(Request $request, AuthenticationUtils $helper): Response {
        $this->saveTargetPath($request->getSession(), 'main', '/admin');
//                            ^^^^^^^^^^^^^^^^^^^^^^ session/php-symfony-session-used
        return $this->render('login.html.twig', ['error' => $helper->getLastAuthenticationError()]);
//                                                          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/php-symfony-session-used
    }
    #[IsGranted('edit', subject: 'post')]
//    ^^^^^^^^^ session/php-symfony-session-used
    public function cart(SessionInterface $session): Response {
//                       ^^^^^^^^^^^^^^^^^^^^^^^^^ session/php-symfony-session-used
        $this->denyAccessUnlessGranted('ROLE_ADMIN');
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/php-symfony-session-used
        return new Response('');
    }
}
class BlogController extends AbstractController {
    // ok: a public page with HTTP caching headers, no session
    #[Route('/blog'), Cache(smaxage: 10)]
    public function index(PostRepository $posts): Response {
        // ok: a user loaded from the database, not the logged-in one
        $author = $posts->getUser();
        // ok: a voter's own token, not the controller helper
        $granted = $this->voter->isGranted('x');
        return $this->render('index.html.twig', ['author' => $author]);
    }
}
