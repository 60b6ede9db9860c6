export default definePageConfig({ navigationBarTitleText: '流转单' });
