export default definePageConfig({ navigationBarTitleText: '邹城通办' });
