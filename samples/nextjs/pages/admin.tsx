import dynamic from 'next/dynamic';
import Head from 'next/head';

const AdminApp = dynamic(() => import('@/components/legacy/AdminApp'), { ssr: false });

export default function AdminPage() {
  return (
    <>
      <Head>
        <title>Admin</title>
      </Head>
      <AdminApp />
    </>
  );
}
